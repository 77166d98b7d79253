import { attempt, ISOLATED_REQUEST, readJson, RequestFailedError, valueOrThrow, type FetchLike } from "./http";

export const DEFAULT_CONFIG_TIMEOUT_MS = 10_000;

/**
 * How a config document is requested, by the widget and by the loader's early download alike (the
 * widget reads the loader's response as its own). Site builders serve uploaded files through
 * redirects to their CDN. Following them gives nothing away: whoever controls the redirect could
 * serve the document itself, and the endpoint inside is validated as https either way.
 */
export const CONFIG_REQUEST = { ...ISOLATED_REQUEST, redirect: "follow", cache: "no-cache", method: "GET" } as const satisfies RequestInit;

export interface FetchConfigOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Resolves a relative config URL; the embed passes the page's base URL. */
  baseUrl?: string;
}

/**
 * Downloads a clinic's config document. Returns the raw JSON: validation stays with the
 * caller, so a config from a URL, an inline script or a property is checked the same way.
 */
export async function fetchClinicConfig(url: string, options: FetchConfigOptions = {}): Promise<unknown> {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let resolved: URL;
  try {
    resolved = new URL(url, options.baseUrl);
  } catch {
    throw new RequestFailedError("bad-request", `not a URL: ${JSON.stringify(url)}`);
  }
  if (resolved.protocol !== "https:" && resolved.protocol !== "http:") {
    throw new RequestFailedError("bad-request", `expected an http(s) URL, got ${JSON.stringify(url)}`);
  }
  const outcome = await attempt(
    fetchFn,
    resolved.href,
    CONFIG_REQUEST,
    { timeoutMs: options.timeoutMs ?? DEFAULT_CONFIG_TIMEOUT_MS, signal: options.signal },
    async (response) => ({ status: response.status, body: response.ok ? await readJson(response) : undefined }),
  );
  const { status, body } = valueOrThrow(outcome, resolved.href);
  if (status < 200 || status > 299) throw new RequestFailedError("server", `${resolved.href} answered HTTP ${status}`);
  if (body === undefined) throw new RequestFailedError("server", `${resolved.href} is not a JSON document`);
  return body;
}
