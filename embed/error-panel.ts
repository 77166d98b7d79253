import type { Issue } from "../src/core/result";
import type { ConfigFailure } from "./config-source";

/**
 * What an integrator sees in place of the widget when the setup is wrong: one line per
 * problem, `path: message`, in English (it is addressed to whoever pasted the snippet).
 * Built with text nodes only: messages quote the config, which must never become markup.
 */
export function renderConfigError(root: ShadowRoot, title: string, issues: Issue[]): HTMLElement {
  const doc = root.ownerDocument;
  const panel = doc.createElement("div");
  panel.className = "config-error";
  panel.setAttribute("part", "config-error");
  panel.setAttribute("role", "alert");
  const heading = doc.createElement("p");
  heading.textContent = title;
  const list = doc.createElement("ul");
  for (const issue of issues) {
    const item = doc.createElement("li");
    const path = doc.createElement("code");
    path.textContent = issue.path;
    item.append(path, `: ${issue.message}`);
    list.append(item);
  }
  panel.append(heading, list);
  root.append(panel);
  return panel;
}

/** The panel for a config that could not be loaded or is invalid, in place of anything else in the root. */
export function renderConfigFailure(root: ShadowRoot, { title, error }: ConfigFailure): HTMLElement {
  root.replaceChildren();
  const lines = error.kind === "config" ? error.issues : [{ path: "(root)", code: error.reason, message: error.message }];
  const panel = renderConfigError(root, title, lines);
  // Unreachable, the page's own fallback (such as "or call us") is worth showing beside the panel.
  if (error.kind === "config-unavailable") root.append(root.ownerDocument.createElement("slot"));
  return panel;
}
