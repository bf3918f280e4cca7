// The generic metric panel shows this plugin's metrics: it reads their unit, direction and formula from the
// registry, so the plugin restates none of them here. Importing @cxkit/ui defines <cx-metric-panel>.
export { CxMetricPanel } from '@cxkit/ui'
