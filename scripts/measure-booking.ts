/**
 * What a client downloads for the widget, measured in Chromium over the demo server (the
 * receiver's own static serving and API): one page in one language, from the first byte to a
 * confirmed booking. Every request is discovered, none is named here: the widget's are those under
 * /embed/ (its code) and /api/ (config, availability, the booking); the host page's own HTML and
 * stylesheet are left out. Sizes are encoded bodies as Chromium received them (Playwright's
 * `responseBodySize`, from the DevTools protocol).
 */
import type { Page, Request } from "playwright-core";
import { openPage, startE2E, type E2E } from "../tests/e2e/support/browser";
import { bookFirstFreeTime, waitForFlow, widget } from "../tests/e2e/support/flow";

export interface Download {
  method: string;
  /** Path and query on the demo server. */
  path: string;
  status: number;
  /** Content-Encoding, or "identity". */
  encoding: string;
  /** Encoded body bytes. */
  bytes: number;
  /** Requested before the service step was on screen. */
  beforePaint: boolean;
}

export interface BookingMeasurement {
  language: string;
  page: string;
  /** The widget's requests, in the order they were made. */
  downloads: Download[];
  /** The host page's own requests, not counted. */
  hostPage: Download[];
  /** The widget's requests when the same client opens the page again right after, until the flow is mounted. */
  revisit: Download[];
}

export interface Visit {
  language: string;
  page: string;
  locale: string;
  /** The service step's heading. */
  heading: RegExp;
  /** The service booked, as its radio button is labelled. */
  service: string;
}

export const VISITS: readonly Visit[] = [
  { language: "English", page: "index.html", locale: "en-CA", heading: /Choose a service/, service: "Myofascial release" },
  { language: "French", page: "fr.html", locale: "fr-CA", heading: /Choisissez un service/, service: "Relâchement myofascial" },
];

const isWidgetRequest = (path: string): boolean => path.startsWith("/embed/") || path.startsWith("/api/");

/**
 * Plain JavaScript run before the page's own: calls out as soon as the service step's heading is
 * laid out. The requests made before then are the ones it could have waited for; the page cannot
 * tell which itself (its resource entries arrive later than the paint), but the call reaches us
 * after the requests the page made before it and before those it makes after.
 */
const paintWatcher = (heading: RegExp): string => `
(() => {
  const heading = ${heading.toString()};
  const tick = () => {
    const h2 = document.querySelector("clinic-booking")?.shadowRoot?.querySelector("h2");
    if (h2 && heading.test(h2.textContent || "") && h2.getBoundingClientRect().height > 0) {
      window.__servicePainted();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

export async function measureBookings(visits: readonly Visit[] = VISITS): Promise<BookingMeasurement[]> {
  const env = await startE2E();
  try {
    const measurements: BookingMeasurement[] = [];
    for (const visit of visits) measurements.push(await measureBooking(env, visit));
    return measurements;
  } finally {
    await env.close();
  }
}

async function measureBooking(env: E2E, visit: Visit): Promise<BookingMeasurement> {
  let requests: RequestLog | null = null;
  let requestedBeforePaint: Set<Request> | null = null;
  const prepare = async (page: Page) => {
    const log = recordRequests(page);
    requests = log;
    await page.exposeBinding("__servicePainted", () => {
      requestedBeforePaint ??= log.requestedSoFar();
    });
  };
  const { context, page } = await openPage(env, visit.page, { locale: visit.locale, initScript: paintWatcher(visit.heading), prepare });
  try {
    await bookFirstFreeTime(widget(page), visit.service, 60);
    const painted = requestedBeforePaint as Set<Request> | null;
    if (!requests || !painted) throw new Error(`${visit.page}: the service step was never seen on screen`);
    const all = (await (requests as RequestLog).settled()).map(({ request, download }) => ({ ...download, beforePaint: painted.has(request) }));

    // The same client opens the page again right after: what its cache does not already hold.
    const again = await context.newPage();
    const revisitLog = recordRequests(again);
    await again.goto(page.url());
    await waitForFlow(widget(again));
    const revisit = (await revisitLog.settled()).map(({ download }) => ({ ...download, beforePaint: false }));
    return {
      language: visit.language,
      page: visit.page,
      downloads: all.filter((download) => isWidgetRequest(download.path)),
      hostPage: all.filter((download) => !isWidgetRequest(download.path)),
      revisit: revisit.filter((download) => isWidgetRequest(download.path)),
    };
  } finally {
    await context.close();
  }
}

type Recorded = { request: Request; download: Omit<Download, "beforePaint"> };

interface RequestLog {
  requestedSoFar(): Set<Request>;
  /** Every request once nothing is loading any more, those made while waiting included. */
  settled(): Promise<Recorded[]>;
}

/** Every request the page makes from now on. */
function recordRequests(page: Page): RequestLog {
  const requests: Promise<Recorded>[] = [];
  const settle = new Map<Request, { finished: () => void; failed: () => void }>();
  const requested = new Set<Request>();
  page.on("request", (request) => {
    requested.add(request);
    const recorded = new Promise<Recorded>((resolve, reject) => {
      settle.set(request, {
        finished: () => resolve(downloadOf(request).then((download) => ({ request, download }))),
        failed: () => reject(new Error(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText ?? "?"}`)),
      });
    });
    // Awaited by settled(); a failure is reported there.
    recorded.catch(() => {});
    requests.push(recorded);
  });
  page.on("requestfinished", (request) => settle.get(request)?.finished());
  page.on("requestfailed", (request) => settle.get(request)?.failed());
  return {
    requestedSoFar: () => new Set(requested),
    async settled() {
      for (let seen = -1; seen !== requests.length; ) {
        seen = requests.length;
        await Promise.all(requests);
      }
      return Promise.all(requests);
    },
  };
}

async function downloadOf(request: Request): Promise<Omit<Download, "beforePaint">> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
  const url = new URL(request.url());
  return {
    method: request.method(),
    path: `${url.pathname}${url.search}`,
    status: response?.status() ?? 0,
    encoding: (await response?.headerValue("content-encoding")) ?? "identity",
    // Taken from the cache, a response reports its headers' size subtracted from nothing received.
    bytes: Math.max(0, sizes.responseBodySize),
  };
}

/** The widget's code the first step could have waited for: files under /embed/ requested before it was on screen. */
export const paintCode = (measurement: BookingMeasurement): Download[] =>
  measurement.downloads.filter((download) => download.beforePaint && download.path.startsWith("/embed/"));

export const total = (downloads: readonly Download[]): number => downloads.reduce((sum, download) => sum + download.bytes, 0);
