import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { MiddlewareHandler } from "hono";
import { cacheControlFor } from "./cache-policy";
import { CODINGS, SUFFIX, type ContentCoding } from "./encodings";
import { representationsOf, sendRepresentation, type Representations } from "./representations";

export interface StaticFilesOptions {
  /** The folder served. */
  root: string;
  /** The URL path it is served under, without a trailing slash ("/embed"); the site's root by default. */
  prefix?: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".webmanifest": "application/manifest+json",
};

/**
 * Names the server will look up: no dot files, no `..`, no backslash or percent sign left after
 * the router's decoding. Anything else is not a file of the folder.
 */
const SAFE_SEGMENT = /^[\w][\w.-]*$/;

/**
 * Serves a built folder: each file with the best of its precompressed copies (`file.br`,
 * `file.gz`, written by the build) the request accepts, an ETag per encoding, and the cache
 * policy of cache-policy.ts. Files are read once per change (size and modification time) and then
 * held in memory: the folder is the widget's build and a site's small files. What is not a file
 * of the folder goes to the next handler.
 */
export function staticFiles(options: StaticFilesOptions): MiddlewareHandler {
  const root = resolve(options.root);
  const prefix = options.prefix ?? "";
  const files = new Map<string, { stamp: string; representations: Representations }>();

  const load = async (relative: string): Promise<{ relative: string; representations: Representations } | null> => {
    let file = join(root, relative);
    let found = await stat(file).catch(() => null);
    if (found?.isDirectory()) {
      relative = relative === "" ? "index.html" : `${relative}/index.html`;
      file = join(root, relative);
      found = await stat(file).catch(() => null);
    }
    if (!found?.isFile()) return null;
    const copies = await encodedCopies(file, found.mtimeMs);
    const stamp = [found.size, found.mtimeMs, ...copies.map(({ coding, size, mtimeMs }) => `${coding}:${size}:${mtimeMs}`)].join(" ");
    const cached = files.get(file);
    if (cached?.stamp === stamp) return { relative, representations: cached.representations };
    const [identity, ...encoded] = await Promise.all([readFile(file), ...copies.map(({ path }) => readFile(path))]);
    const representations = representationsOf(identity, Object.fromEntries(copies.map(({ coding }, index) => [coding, encoded[index]])));
    files.set(file, { stamp, representations });
    return { relative, representations };
  };

  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const relative = relativePath(c.req.path, prefix);
    const found = relative === null ? null : await load(relative);
    if (!found) return next();
    return sendRepresentation(c, found.representations, {
      "Content-Type": CONTENT_TYPES[extname(found.relative).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": cacheControlFor(found.relative),
    });
  };
}

/** The request's path inside the folder ("" for its root), or null when it is not one. */
function relativePath(path: string, prefix: string): string | null {
  if (!path.startsWith(`${prefix}/`)) return null;
  const segments = path.slice(prefix.length + 1).split("/");
  if (segments.at(-1) === "") segments.pop();
  return segments.every((segment) => SAFE_SEGMENT.test(segment)) ? segments.join("/") : null;
}

/** The precompressed copies beside a file; one older than the file is left out as stale. */
async function encodedCopies(file: string, modifiedMs: number): Promise<{ coding: ContentCoding; path: string; size: number; mtimeMs: number }[]> {
  const copies = await Promise.all(
    CODINGS.map(async (coding) => {
      const path = `${file}${SUFFIX[coding]}`;
      const found = await stat(path).catch(() => null);
      return found?.isFile() && found.mtimeMs >= modifiedMs ? [{ coding, path, size: found.size, mtimeMs: found.mtimeMs }] : [];
    }),
  );
  return copies.flat();
}
