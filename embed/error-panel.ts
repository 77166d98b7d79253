import type { Issue } from "../src/core/result";

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
