import { html } from "hono/html";

export type Fragment = ReturnType<typeof html>;

/** Every inbox page: no script, one same-origin stylesheet (the CSP allows nothing else). */
export function page(title: string, body: Fragment, options: { signedIn: boolean }): Fragment {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/inbox/inbox.css">
</head>
<body>
<header>
<p class="brand"><a href="/inbox">Bookings inbox</a></p>
${options.signedIn
  ? html`<nav><a href="/inbox/export.csv">Export CSV</a>
<form method="post" action="/inbox/logout"><button type="submit">Sign out</button></form></nav>`
  : ""}
</header>
<main>
${body}
</main>
</body>
</html>`;
}

export function loginPage(error: string | null): Fragment {
  return page(
    "Sign in: bookings inbox",
    html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form method="post" action="/inbox/login" class="login">
<label for="token">Inbox token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
    { signedIn: false },
  );
}

export const INBOX_CSS = `
:root { font-family: system-ui, sans-serif; color: #1d1d1f; background: #fafafa; line-height: 1.4; }
body { margin: 0; }
header { display: flex; justify-content: space-between; align-items: center; padding: 0.5rem 1rem; background: #fff; border-bottom: 1px solid #ddd; }
header nav { display: flex; gap: 1rem; align-items: center; }
header form { margin: 0; }
main { padding: 1rem; max-width: 72rem; }
a { color: #0b57d0; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
.flag { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 1rem; font-size: 0.85em; border: 1px solid #999; }
.flag-contact-clinic { background: #fde2e1; border-color: #b3261e; }
.flag-clearance { background: #fff0d6; border-color: #a15c00; }
.flag-caution { background: #fff9c4; border-color: #8a7a00; }
tr.flagged td:first-child { border-left: 4px solid #b3261e; }
tr.cancelled td { color: #5f6368; text-decoration: line-through; }
tr.cancelled td:nth-child(3) { text-decoration: none; }
.error { color: #b3261e; }
.login { display: grid; gap: 0.5rem; max-width: 20rem; }
button, input { font: inherit; padding: 0.4rem 0.6rem; min-height: 44px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; }
`;
