/**
 * How long browsers and proxies keep the widget's files (see docs/decisions.md, "Serving the
 * widget"). A content-hashed file never changes under its name, so it is kept for a year without
 * asking again. The loader, pasted by name into clinics' pages, is kept five minutes, then asked
 * again. Everything else under a fixed name, the bundle `clinic-booking.js` first, is asked again
 * every time (an unchanged file costs a 304): a build removes the previous chunks, and a stale
 * bundle would import chunks that are gone.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const LOADER = "public, max-age=300, must-revalidate";
export const REVALIDATE = "no-cache";

/**
 * Where vite.config.ts writes chunks: `chunks/[name]-[hash].js`, the hash 8 or more characters.
 * A hash also has a capital or a digit, which keeps a plain name like `chunks/calendar-settings.js`
 * out; the price of a hash without either is only a revalidation.
 */
const CONTENT_HASHED = /(?:^|\/)chunks\/[^/]+-([\w-]{8,})\.(?:js|css)$/;

/** `path` is relative to the served folder, with forward slashes. */
export function cacheControlFor(path: string): string {
  const hash = CONTENT_HASHED.exec(path)?.[1];
  if (hash !== undefined && /[A-Z0-9]/.test(hash)) return IMMUTABLE;
  if (path === "loader.js" || path.endsWith("/loader.js")) return LOADER;
  return REVALIDATE;
}
