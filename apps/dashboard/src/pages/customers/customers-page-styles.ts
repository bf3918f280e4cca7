import { css } from 'lit'

/** What the customer list and the customer page share: headings, tables, forms, states. */
export const customersPageStyles = css`
  h1 { font-size: 1.4rem; margin: 0 0 16px; }
  h2 { font-size: 1.1rem; margin: 24px 0 8px; }
  form { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 16px; }
  label { font-size: 0.8rem; color: var(--_muted); display: flex; flex-direction: column; gap: 2px; }
  input, select, button { font: inherit; font-size: 0.9rem; padding: 5px 8px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); color: var(--_text); }
  input[type='search'] { min-width: 18rem; }
  button { cursor: pointer; }
  button.primary { background: var(--_primary); color: #fff; border-color: var(--_primary); }
  :focus-visible { outline: 2px solid var(--_primary); outline-offset: 2px; }
  table { width: 100%; border-collapse: collapse; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--_border); font-size: 0.9rem; vertical-align: top; }
  th { color: var(--_muted); font-weight: 600; }
  a { color: var(--_primary); }
  .muted { color: var(--_muted); }
  .error { color: var(--_bad); }
  .more { margin-top: 12px; display: flex; gap: 12px; align-items: center; }
`
