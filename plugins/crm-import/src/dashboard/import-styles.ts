import { css } from 'lit'

/** Tables, buttons and notices every step of the wizard shares. */
export const importStyles = css`
  table { border-collapse: collapse; background: var(--_surface); border: 1px solid var(--_border); font-size: 0.85rem; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--_border); vertical-align: top; }
  .scroll { overflow-x: auto; max-width: 100%; }
  button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--_border); background: var(--_surface); cursor: pointer; }
  button.primary { background: var(--_primary); color: #fff; border-color: var(--_primary); }
  button:focus-visible, select:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid var(--_primary); outline-offset: 2px; }
  label { display: inline-flex; gap: 6px; align-items: center; margin: 0 16px 8px 0; }
  .actions { display: flex; gap: 8px; margin: 16px 0; }
  .errors { color: var(--_bad); }
  .muted { color: var(--_muted); }
`
