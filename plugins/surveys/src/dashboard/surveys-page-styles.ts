import { css } from 'lit'

/** What the survey list and builder share: buttons, form controls and error lines. */
export const surveysPageStyles = css`
  button, select, input, textarea { font: inherit; }
  button { cursor: pointer; }
  .primary { background: var(--_primary); color: #fff; border: 0; border-radius: 6px; padding: 7px 16px; font-weight: 600; }
  .errors { color: var(--_bad); font-size: 0.85rem; }
`
