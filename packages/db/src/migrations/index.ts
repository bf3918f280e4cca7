import type { Migration } from 'kysely'
import * as createWorkspaces from './001_create_workspaces.js'
import * as createCustomers from './002_create_customers.js'
import * as createStages from './003_create_stages.js'
import * as createTouchpoints from './004_create_touchpoints.js'
import * as createMetricSettings from './005_create_metric_settings.js'
import * as createCustomerIdentities from './006_create_customer_identities.js'
import * as addTouchpointDetails from './007_add_touchpoint_details.js'

/** Core tables. Migrations are frozen in time: never edit one that has shipped, add a new one. */
export const coreMigrations: Record<string, Migration> = {
  '001_create_workspaces': createWorkspaces,
  '002_create_customers': createCustomers,
  '003_create_stages': createStages,
  '004_create_touchpoints': createTouchpoints,
  '005_create_metric_settings': createMetricSettings,
  '006_create_customer_identities': createCustomerIdentities,
  '007_add_touchpoint_details': addTouchpointDetails,
}
