import { addMessages } from '@cxkit/ui'
import { journeyMessages } from './journey-messages.js'
import './cx-journey-page.js'

// The browser entry (`@cxkit/plugin-journey/dashboard`): the page's words first, then its elements.
addMessages('journey', journeyMessages)

export { CxJourneyPage } from './cx-journey-page.js'
export { CxJourneyHeatmapPanel } from './cx-journey-heatmap-panel.js'
export { CxJourneyPainPointsPanel } from './cx-journey-pain-points-panel.js'
