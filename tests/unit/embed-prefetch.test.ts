import { afterEach, describe, expect, it, vi } from "vitest";
import { adoptPrefetchedConfigs, fetchPrefetched } from "../../embed/prefetch";
import { fetchClinicConfig } from "../../src/widget/submit/config";
import { RequestFailedError } from "../../src/widget/submit/http";

let urls = 0;
/** Each test its own URL: the adopted downloads live as long as the module. */
const nextUrl = () => `https://clinic.example/config-${String(++urls)}.json`;

function networkFetch() {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('{"from":"network"}', { status: 200 }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

/** A body that sends its first bytes and then nothing, like a receiver that stalls. */
function stalledBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"clinic":'));
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a config the loader downloaded", () => {
  it("answers the widget's first request for its URL, then the network answers", async () => {
    const url = nextUrl();
    const fetch = networkFetch();
    adoptPrefetchedConfigs({ [url]: Promise.resolve(new Response('{"from":"loader"}', { status: 200, statusText: "OK" })) });

    const first = await fetchPrefetched(url, { signal: new AbortController().signal });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ from: "loader" });
    expect(fetch).not.toHaveBeenCalled();

    expect(await (await fetchPrefetched(url)).json()).toEqual({ from: "network" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("keeps the receiver's status, so an error page is still an error", async () => {
    const url = nextUrl();
    networkFetch();
    adoptPrefetchedConfigs({ [url]: Promise.resolve(new Response("missing", { status: 404 })) });
    await expect(fetchClinicConfig(url, { fetch: fetchPrefetched })).rejects.toThrow(/HTTP 404/);

    const empty = nextUrl();
    adoptPrefetchedConfigs({ [empty]: Promise.resolve(new Response(null, { status: 204 })) });
    await expect(fetchClinicConfig(empty, { fetch: fetchPrefetched })).rejects.toThrow(/not a JSON document/);
  });

  it("does not replace a download already adopted by an earlier copy of the bundle", async () => {
    const url = nextUrl();
    networkFetch();
    adoptPrefetchedConfigs({ [url]: Promise.resolve(new Response('"first"')) });
    adoptPrefetchedConfigs({ [url]: Promise.resolve(new Response('"second"')) });
    expect(await (await fetchPrefetched(url)).json()).toBe("first");
  });

  it("gives up at the widget's deadline when the receiver never answers", async () => {
    const url = nextUrl();
    networkFetch();
    adoptPrefetchedConfigs({ [url]: new Promise<Response>(() => {}) });
    const failure = fetchClinicConfig(url, { fetch: fetchPrefetched, timeoutMs: 50 });
    await expect(failure).rejects.toBeInstanceOf(RequestFailedError);
    await expect(failure).rejects.toMatchObject({ reason: "timeout" });
  });

  it("gives up at the widget's deadline when the body stalls half-way", async () => {
    const url = nextUrl();
    networkFetch();
    adoptPrefetchedConfigs({ [url]: Promise.resolve(new Response(stalledBody(), { status: 200 })) });
    await expect(fetchClinicConfig(url, { fetch: fetchPrefetched, timeoutMs: 50 })).rejects.toMatchObject({ reason: "timeout" });
  });

  it("stops waiting when the widget is removed or remounted", async () => {
    const url = nextUrl();
    networkFetch();
    adoptPrefetchedConfigs({ [url]: new Promise<Response>(() => {}) });
    const controller = new AbortController();
    const waiting = fetchPrefetched(url, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});
