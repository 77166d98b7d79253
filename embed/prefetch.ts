/**
 * Config documents the loader started downloading before the bundle arrived, by absolute URL.
 * Each is used once: a second widget with the same URL, or a remount, fetches again.
 */
const prefetched = new Map<string, Promise<Response>>();

/** Statuses whose response cannot be built with a body, even an empty one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function adoptPrefetchedConfigs(entries: Readonly<Record<string, Promise<Response>>> | undefined): void {
  for (const [url, response] of Object.entries(entries ?? {})) if (!prefetched.has(url)) prefetched.set(url, response);
}

/** A `fetch` that answers from the loader's download when it has one for this URL. */
export function fetchPrefetched(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const early = prefetched.get(url);
  prefetched.delete(url);
  return early ? underSignal(early, init?.signal) : globalThis.fetch(input, init);
}

/**
 * The loader's request went out without the widget's signal, so neither the widget's deadline
 * nor a remount would end it: a receiver that stalls would leave the widget loading forever.
 * The body is read here, under the signal, as the widget's own request would be.
 */
function underSignal(early: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  const whole = early.then(async (response) => {
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
  if (!signal) return whole;
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError"));
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    whole.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
