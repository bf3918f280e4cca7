import { randomBytes } from 'node:crypto'
import { CxError, type PluginContext } from '@cxkit/core'
import type { SurveyDefinition } from './schema.js'
import type { SurveysTables } from './tables.js'

/** A stored survey as the API returns it. */
export interface StoredSurvey extends SurveyDefinition {
  /** Token of the public survey page `/s/<token>`. */
  publicToken: string
  createdAt: string
  updatedAt: string
}

type SurveyRow = SurveysTables['surveys_surveys']

/** The columns a definition sets, on insert and on update alike. */
function definitionColumns(survey: SurveyDefinition) {
  return {
    name: survey.name,
    kind: survey.kind,
    touchpoint_id: survey.touchpointId ?? null,
    stage_id: survey.stageId ?? null,
    status: survey.status,
    definition: JSON.stringify({ locales: survey.locales, questions: survey.questions }),
    contact_rule_days: survey.contactRuleDays,
    verified_customers: survey.verifiedCustomers ? 1 : 0,
    link_valid_days: survey.linkValidDays,
  }
}

function fromRow(row: SurveyRow): StoredSurvey {
  const definition = JSON.parse(row.definition) as Pick<SurveyDefinition, 'locales' | 'questions'>
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SurveyDefinition['kind'],
    touchpointId: row.touchpoint_id,
    stageId: row.stage_id,
    status: row.status as SurveyDefinition['status'],
    contactRuleDays: row.contact_rule_days,
    verifiedCustomers: row.verified_customers === 1,
    linkValidDays: row.link_valid_days,
    locales: definition.locales,
    questions: definition.questions,
    publicToken: row.public_token,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Reads and writes survey definitions of one database. */
export function createSurveysRepository({ db }: Pick<PluginContext, 'db'>) {
  const tables = db.withTables<SurveysTables>()
  return {
    async list(workspace: string): Promise<StoredSurvey[]> {
      const rows = await tables
        .selectFrom('surveys_surveys')
        .selectAll()
        .where('workspace_id', '=', workspace)
        .orderBy('name')
        .execute()
      return rows.map(fromRow)
    },

    async find(workspace: string, id: string): Promise<StoredSurvey | undefined> {
      const row = await tables
        .selectFrom('surveys_surveys')
        .selectAll()
        .where('workspace_id', '=', workspace)
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? fromRow(row) : undefined
    },

    async require(workspace: string, id: string): Promise<StoredSurvey> {
      const survey = await this.find(workspace, id)
      if (!survey)
        throw new CxError('CXKIT_NOT_FOUND', `survey '${id}' does not exist in workspace '${workspace}'`, {
          status: 404,
        })
      return survey
    },

    /** The keys that sign personal links: the current one first, then the previous one while it is kept. */
    async linkSecrets(workspace: string, id: string): Promise<string[]> {
      const row = await tables
        .selectFrom('surveys_surveys')
        .select(['link_secret', 'previous_link_secret'])
        .where('workspace_id', '=', workspace)
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? [row.link_secret, row.previous_link_secret ?? ''].filter(Boolean) : []
    },

    /**
     * A new key signs links from now on; the current one becomes the previous one, so links it signed
     * keep working until they expire or it is dropped. A key kept from before is dropped.
     */
    async rotateLinkSecret(workspace: string, id: string): Promise<void> {
      await this.require(workspace, id)
      await tables
        .updateTable('surveys_surveys')
        .set((eb) => ({
          previous_link_secret: eb.ref('link_secret'),
          link_secret: randomBytes(32).toString('base64url'),
        }))
        .where('workspace_id', '=', workspace)
        .where('id', '=', id)
        .execute()
    },

    /** Drops the previous key: the links it signed stop working now. */
    async dropPreviousLinkSecret(workspace: string, id: string): Promise<void> {
      await this.require(workspace, id)
      await tables
        .updateTable('surveys_surveys')
        .set({ previous_link_secret: null })
        .where('workspace_id', '=', workspace)
        .where('id', '=', id)
        .execute()
    },

    async findByToken(token: string): Promise<(StoredSurvey & { workspace: string }) | undefined> {
      const row = await tables
        .selectFrom('surveys_surveys')
        .selectAll()
        .where('public_token', '=', token)
        .executeTakeFirst()
      return row ? { ...fromRow(row), workspace: row.workspace_id } : undefined
    },

    async insert(workspace: string, survey: SurveyDefinition): Promise<StoredSurvey> {
      if (await this.find(workspace, survey.id)) {
        throw new CxError('CXKIT_CONFLICT', `survey '${survey.id}' already exists`, {
          status: 409,
          details: {
            fields: [{ field: 'body.id', code: 'duplicate', message: `survey '${survey.id}' already exists` }],
          },
        })
      }
      const now = new Date().toISOString()
      const row: SurveyRow = {
        workspace_id: workspace,
        id: survey.id,
        ...definitionColumns(survey),
        // Unguessable: the token is all it takes to answer the survey.
        public_token: randomBytes(12).toString('base64url'),
        link_secret: randomBytes(32).toString('base64url'),
        previous_link_secret: null,
        created_at: now,
        updated_at: now,
      }
      await tables.insertInto('surveys_surveys').values(row).execute()
      return fromRow(row)
    },

    async update(workspace: string, survey: SurveyDefinition): Promise<StoredSurvey> {
      await tables
        .updateTable('surveys_surveys')
        .set({ ...definitionColumns(survey), updated_at: new Date().toISOString() })
        .where('workspace_id', '=', workspace)
        .where('id', '=', survey.id)
        .execute()
      return this.require(workspace, survey.id)
    },
  }
}
