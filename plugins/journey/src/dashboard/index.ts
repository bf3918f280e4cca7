import { addMessages } from '@cxkit/ui'
import { journeyMessages } from './journey-messages.js'
import './cx-journey-page.js'

// The browser entry (`@cxkit/plugin-journey/dashboard`): the page's words first, then its elements.
addMessages('journey', journeyMessages)

export { CxJourneyPage } from './cx-journey-page.js'
export { CxJourneyHeatmapPanel } from './cx-journey-heatmap-panel.js'
export { CxJourneyPainPointsPanel } from './cx-journey-pain-points-panel.js'
export { CxJourneyFunnelPanel } from './analysis/cx-journey-funnel-panel.js'
export { CxJourneyPathsPanel } from './analysis/cx-journey-paths-panel.js'
export { CxJourneyEmotionCurve } from './analysis/cx-journey-emotion-curve.js'
export { CxJourneyHealthPanel } from './analysis/cx-journey-health-panel.js'
export { CxJourneyTouchpointEvents } from './analysis/cx-journey-touchpoint-events.js'
