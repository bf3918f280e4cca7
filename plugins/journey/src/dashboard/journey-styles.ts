import { css } from 'lit'

/** Buttons, fields, notices and the screen-reader-only text every part of the Journey page shares. */
export const journeyStyles = css`
  button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid var(--_border); background: var(--_surface); color: inherit; cursor: pointer; }
  button.primary { background: var(--_primary); color: #fff; border-color: var(--_primary); }
  button:disabled { opacity: 0.55; cursor: default; }
  input, select { font: inherit; padding: 4px 6px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); color: inherit; }
  :is(button, input, select, a, li, [tabindex]):focus-visible { outline: 2px solid var(--_primary); outline-offset: 2px; }
  label { display: inline-flex; gap: 6px; align-items: center; }
  .muted { color: var(--_muted); }
  .errors { color: var(--_bad); }
  .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`
