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

/** Where vite.config.ts writes chunks: `chunks/[name]-[hash].js`, the hash 8 or more characters. */
const CONTENT_HASHED = /(?:^|\/)chunks\/[^/]+-[\w-]{8,}\.(?:js|css)$/;

/** `path` is relative to the served folder, with forward slashes. */
export function cacheControlFor(path: string): string {
  if (CONTENT_HASHED.test(path)) return IMMUTABLE;
  if (path === "loader.js" || path.endsWith("/loader.js")) return LOADER;
  return REVALIDATE;
}
