import { css } from 'lit'

/** Design tokens every element reads; a bundle's branding overrides them on :root. */
export const themeStyles = css`
  :host {
    --_primary: var(--cx-color-primary, #1f5eff);
    --_text: var(--cx-color-text, #1b1f2a);
    --_muted: var(--cx-color-muted, #5b6475);
    --_surface: var(--cx-color-surface, #ffffff);
    --_border: var(--cx-color-border, #e2e6ee);
    --_good: var(--cx-color-good, #12805c);
    --_bad: var(--cx-color-bad, #c0392b);
    --_radius: var(--cx-radius, 10px);
    font-family: var(--cx-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
  }
`
