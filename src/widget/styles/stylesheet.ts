type StyleRoot = Document | ShadowRoot;

/**
 * Adopts `css` into the shadow root (or document) holding `container`.
 * A constructable sheet passes a strict `style-src 'self'` policy where a style element would not.
 * Returns the undo, so an unmounted widget leaves the root as it found it.
 */
export function adoptStyles(container: Node, css: string): () => void {
  const root = container.getRootNode() as Node;
  if (!isStyleRoot(root) || typeof CSSStyleSheet !== "function") return () => {};
  let sheet: CSSStyleSheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    return () => {};
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

function isStyleRoot(node: Node): node is StyleRoot {
  return "adoptedStyleSheets" in node;
}
