/** Styles inside the shadow root; a site themes the widget through these custom properties. */
export const widgetStyles = `
:host{display:block;font:15px/1.45 var(--cx-font,system-ui,sans-serif);color:var(--cx-color-text,#1b1f2a)}
form{display:grid;gap:18px}fieldset{border:0;margin:0;padding:0}legend{font-weight:600;margin-bottom:8px;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:4px}.scale button{min-width:38px;min-height:38px;border:1px solid #c5ccd8;border-radius:6px;background:#fff;font:inherit;cursor:pointer}
.scale button[aria-checked=true]{background:var(--cx-color-primary,#1f5eff);border-color:var(--cx-color-primary,#1f5eff);color:#fff}
.ends{display:flex;justify-content:space-between;font-size:.8em;color:#5b6475}textarea{width:100%;box-sizing:border-box;min-height:70px;font:inherit;padding:6px}
label{display:block}.error{color:#c0392b;font-size:.85em;min-height:1em;margin:4px 0 0}
.submit{justify-self:start;padding:9px 22px;border:0;border-radius:6px;background:var(--cx-color-primary,#1f5eff);color:#fff;font:inherit;font-weight:600;cursor:pointer}
.muted{color:#5b6475;font-weight:400}`
