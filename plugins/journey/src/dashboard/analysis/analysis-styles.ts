import { css } from 'lit'

/**
 * What the analysis sections share: figures in tabular digits, uncertain figures hatched and marked,
 * SVG colours from the theme's variables (classes, since the content security policy refuses inline styles).
 */
export const analysisStyles = css`
  :host { display: block; }
  form.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 12px; }
  form.controls label { font-size: 0.85rem; display: inline-flex; flex-direction: column; align-items: start; gap: 2px; }
  fieldset { border: 1px solid var(--_border); border-radius: 6px; padding: 6px 10px; margin: 0; }
  fieldset label { flex-direction: row !important; align-items: center !important; }
  legend { font-size: 0.85rem; }
  .figure { font-variant-numeric: tabular-nums; }
  .muted, p.note { color: var(--_muted); font-size: 0.85rem; }
  .errors { color: var(--_bad); }
  table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--_border); vertical-align: top; }
  td.figure, th.figure { text-align: right; }
  svg .bar { fill: var(--_primary); }
  svg .track { fill: var(--_border); opacity: 0.35; }
  svg .whisker { stroke: var(--_text); stroke-width: 1.5; }
  .uncertain svg .bar { fill: var(--_muted); opacity: 0.55; }
  .flag { color: var(--_bad); font-weight: 600; }
  .scroll { overflow-x: auto; }
  h3 { font-size: 0.95rem; margin: 16px 0 4px; }
  .sub { display: block; font-size: 0.75rem; white-space: nowrap; }
`

/** The emotion curve's colours: the map's line in the primary colour, the measured dots in the text colour. */
export const emotionChartStyles = css`
  svg.emotion-chart { width: 100%; max-width: 640px; height: auto; display: block; }
  svg.emotion-chart .axis { stroke: var(--_border); stroke-width: 1; }
  svg.emotion-chart .axis.zero { stroke: var(--_muted); stroke-dasharray: 4 3; }
  svg.emotion-chart text { font-size: 11px; fill: var(--_muted); }
  svg.emotion-chart .belief { fill: none; stroke: var(--_primary); stroke-width: 2.5; }
  svg.emotion-chart .belief-dot { fill: var(--_primary); }
  svg.emotion-chart .data-dot { fill: var(--_text); }
  svg.emotion-chart .interval { stroke: var(--_text); stroke-width: 2; }
  svg.emotion-chart .ring { fill: none; stroke: var(--_bad); stroke-width: 2; }
  .key.belief-key { color: var(--_primary); }
  .key.data-key { color: var(--_text); }
`
