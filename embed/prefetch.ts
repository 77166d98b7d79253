/**
 * Config documents the loader started downloading before the bundle arrived, by absolute URL.
 * Each is used once: a second widget with the same URL, or a remount, fetches again.
 */
const prefetched = new Map<string, Promise<Response>>();

export function adoptPrefetchedConfigs(entries: Readonly<Record<string, Promise<Response>>> | undefined): void {
  for (const [url, response] of Object.entries(entries ?? {})) if (!prefetched.has(url)) prefetched.set(url, response);
}

/** A `fetch` that answers from the loader's download when it has one for this URL. */
export function fetchPrefetched(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const early = prefetched.get(url);
  prefetched.delete(url);
  return early ?? globalThis.fetch(input, init);
}
