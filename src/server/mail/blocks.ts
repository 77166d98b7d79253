/**
 * An email's content, written once and rendered twice (plain text and simple HTML), so the two
 * parts can never say different things.
 */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: [label: string, value: string][] }
  | { kind: "list"; title: string; items: string[] }
  | { kind: "section"; title: string; text: string }
  | { kind: "link"; label: string; url: string };

export function renderText(blocks: Block[]): string {
  return `${blocks.map(textOf).join("\n\n")}\n`;
}

function textOf(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "fields":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "list":
      return [`${block.title}:`, ...block.items.map((item) => `- ${item}`)].join("\n");
    case "section":
      return `${block.title}:\n${block.text}`;
    case "link":
      return `${block.label}: ${block.url}`;
  }
}

export function renderHtml(blocks: Block[], lang: string): string {
  const body = blocks.map(htmlOf).join("\n");
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n`;
}

function htmlOf(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${lines(block.text)}</p>`;
    case "fields":
      return `<table>${block.rows
        .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${lines(value)}</td></tr>`)
        .join("")}</table>`;
    case "list":
      return `<p><strong>${escapeHtml(block.title)}</strong></p><ul>${block.items
        .map((item) => `<li>${escapeHtml(item)}</li>`)
        .join("")}</ul>`;
    case "section":
      return `<p><strong>${escapeHtml(block.title)}</strong><br>${lines(block.text)}</p>`;
    case "link":
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;
  }
}

function lines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
