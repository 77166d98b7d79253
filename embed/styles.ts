/**
 * Styles of what the element draws around the widget: the dialog, the floating button and
 * the config error. Sizes are px, not rem: clinics' themes set `html { font-size: 62.5% }`.
 * `demo/hostile.css` is the page these rules are written against.
 */
export const ELEMENT_CSS = `
/* The page's own rules on the host element beat :host unless :host says !important; themes
   that reset every element (\`* { all: unset }\`) would otherwise make the widget inline. */
:host { display: block !important; }
:host([mode="popup"]), :host([mode="floating"]) { display: contents !important; }
:host([hidden]) { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

/* Inherited text properties of the page (spacing, alignment, transforms) stop at these boxes. */
[part="widget"], .config-error, dialog, button.floating {
  font-family: var(--cb-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: 16px;
  font-style: normal;
  font-weight: 400;
  line-height: 1.5;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  white-space: normal;
  color: var(--cb-text, #1f2328);
}

.config-error {
  border: 2px solid #b42318;
  border-radius: 8px;
  padding: 12px 16px;
  background: #fef3f2;
  color: #7a271a;
  font-size: 14px;
}
.config-error p { margin: 0 0 8px; font-weight: 600; }
.config-error ul { margin: 0; padding-left: 20px; }
.config-error code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }

dialog {
  width: min(720px, calc(100vw - 16px));
  max-height: calc(100dvh - 16px);
  padding: 0;
  border: none;
  border-radius: var(--cb-radius, 10px);
  background: var(--cb-bg, var(--cb-surface, #ffffff));
  box-shadow: 0 24px 48px rgb(0 0 0 / 0.25);
  overflow: auto;
}
dialog::backdrop { background: rgb(0 0 0 / 0.5); }
/* Stays reachable while a long step scrolls under it. */
.dialog-bar {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  justify-content: flex-end;
  padding: 8px 8px 0;
  background: var(--cb-bg, var(--cb-surface, #ffffff));
}

button.close, button.floating {
  cursor: pointer;
  min-width: 44px;
  min-height: 44px;
}
button.close {
  font: inherit;
  border: none;
  border-radius: 8px;
  background: transparent;
  color: inherit;
  font-size: 24px;
  line-height: 1;
}
button.floating {
  position: fixed;
  inset: auto 20px 20px auto;
  margin: 0;
  /* Above sticky headers; where the popover API exists the button is in the top layer anyway. */
  z-index: 2147483647;
  padding: 12px 20px;
  border: none;
  border-radius: 999px;
  background: var(--cb-accent, #2f5d50);
  color: var(--cb-accent-contrast, var(--cb-on-accent, #ffffff));
  font-weight: 600;
  overflow: visible;
  box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
}
button:focus-visible { outline: 3px solid var(--cb-focus, var(--cb-accent, #2f5d50)); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  button.floating { transition: transform 120ms ease-out; }
  button.floating:hover { transform: translateY(-2px); }
}
`;

let sharedSheet: CSSStyleSheet | null = null;

/**
 * Adds the element's sheet to a shadow root, keeping any sheet the widget adopted. A
 * constructable sheet is the one way to style a shadow root under `style-src 'self'`
 * (a `<style>` element would need 'unsafe-inline'); one sheet object serves every widget.
 */
export function adoptElementStyles(root: ShadowRoot): void {
  sharedSheet ??= createSheet(ELEMENT_CSS);
  if (!root.adoptedStyleSheets.includes(sharedSheet)) {
    root.adoptedStyleSheets = [sharedSheet, ...root.adoptedStyleSheets];
  }
}

function createSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}
