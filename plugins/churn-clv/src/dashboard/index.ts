import { addMessages } from '@cxkit/ui'
import { churnMessages } from './churn-messages.js'
import { clvMessages } from './clv/clv-messages.js'
import './cx-churn-cohorts-panel.js'
import './cx-churn-risk-list.js'
import './cx-churn-survival-panel.js'
import './clv/cx-clv-page.js'

// The browser entry (`@cxkit/plugin-churn-clv/dashboard`): the panels' words first, then their elements.
addMessages('churn-clv', churnMessages)
addMessages('churn-clv', clvMessages)

export { CxClvPage } from './clv/cx-clv-page.js'
export { CxChurnCohortsPanel } from './cx-churn-cohorts-panel.js'
export { CxChurnRiskList } from './cx-churn-risk-list.js'
export { CxChurnSurvivalPanel } from './cx-churn-survival-panel.js'
