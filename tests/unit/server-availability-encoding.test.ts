import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/server/store/types";
import { harness, type Harness } from "./fixtures/server-harness";

/** A busy clinic's fortnight: two therapists, five sessions a day each. */
const BUSY = Array.from({ length: 140 }, (_, i) => {
  const start = Date.parse("2026-03-02T13:00:00.000Z") + Math.floor(i / 10) * 86_400_000 + (i % 5) * 5_400_000;
  return { therapistId: i % 10 < 5 ? "ana" : "ben", start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
});

let h: Harness | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

/** The receiver with a store whose calendar is `busy`: only availability is asked of it here. */
function receiverWith(busy: typeof BUSY): Harness {
  const store = { busyIntervals: async () => busy } as Partial<Store> as Store;
  h = harness({ store });
  return h;
}

const URL = "http://localhost/api/availability?from=2026-03-02&to=2026-03-15";

describe("GET /api/availability, encoded", () => {
  it("sends a long answer brotli-encoded to a client that accepts it, decoding to the busy list", async () => {
    const { app } = receiverWith(BUSY);
    const plain = Buffer.from(await (await app.request(URL)).arrayBuffer());
    const response = await app.request(URL, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("vary")).toBe("Accept-Encoding, Origin");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(plain.length / 5);
    expect(JSON.parse(brotliDecompressSync(bytes).toString("utf8"))).toEqual({ busy: BUSY });
  });

  it("sends a short answer as it is: compressing it would save nothing worth a client's time", async () => {
    const { app } = receiverWith(BUSY.slice(0, 2));
    const response = await app.request(URL, { headers: { "accept-encoding": "br" } });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.json()).toEqual({ busy: BUSY.slice(0, 2) });
  });
});
