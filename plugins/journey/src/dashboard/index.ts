// The journey plugin's dashboard elements are registered here (browser only).
export { CxJourneyHeatmapPanel } from './cx-journey-heatmap-panel.js'
export { CxJourneyPainPointsPanel } from './cx-journey-pain-points-panel.js'
