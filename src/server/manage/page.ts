import { html } from "hono/html";
import type { ClinicConfig } from "../../core/config";
import { languageOf } from "../../core/locale";

/**
 * The page the manage link opens: the widget in its manage view. The token stays in the fragment
 * (never sent here); the embed entry reads it. No inline script, so the CSP can forbid them.
 */
export function managePage(config: ClinicConfig, widgetScript: string | null) {
  const lang = languageOf(config.locales[0] ?? "en") ?? "en";
  const title = lang === "fr" ? `Votre rendez-vous, ${config.clinic.name}` : `Your appointment, ${config.clinic.name}`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
${widgetScript ? html`<script src="${widgetScript}" async></script>` : ""}
</head>
<body>
<main>
${widgetScript
  ? html`<clinic-booking mode="inline" view="manage" config="/api/config"></clinic-booking>
<noscript><p>${lang === "fr" ? "Activez JavaScript pour gérer votre rendez-vous, ou appelez-nous" : "Turn on JavaScript to manage your appointment, or call us"}: ${config.clinic.phone}.</p></noscript>`
  : html`<p>The booking widget's files are not served here (set STATIC_DIR to the built widget). To change your appointment, call ${config.clinic.name}: ${config.clinic.phone}.</p>`}
</main>
</body>
</html>`;
}
