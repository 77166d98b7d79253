import { untilAborted } from "../src/widget/submit/http";

/**
 * Config documents the loader started downloading before the bundle arrived, by absolute URL.
 * Each is used once: a second widget with the same URL, or a remount, fetches again.
 */
const prefetched = new Map<string, Promise<Response>>();

export function adoptPrefetchedConfigs(entries: Readonly<Record<string, Promise<Response>>> | undefined): void {
  for (const [url, response] of Object.entries(entries ?? {})) if (!prefetched.has(url)) prefetched.set(url, response);
}

/**
 * A `fetch` that answers from the loader's download when it has one for this URL. That request went
 * out without the widget's signal, so the wait for it ends on the signal here, and the widget's
 * read of the body ends on its deadline (`attempt`): a receiver that stalls, or a remount, never
 * leaves the widget loading.
 */
export function fetchPrefetched(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const early = prefetched.get(url);
  prefetched.delete(url);
  return early ? untilAborted(early, init?.signal) : globalThis.fetch(input, init);
}
