import { InstantSchema } from "../../core/booking/contract";
import { z } from "../../core/zod";
import { isAllowedEndpoint } from "../../core/config/schema";
import type { BusyInterval } from "../types";
import { attempt, ISOLATED_REQUEST, readJson, RequestFailedError, valueOrThrow, type FetchLike } from "./http";

export const DEFAULT_AVAILABILITY_TIMEOUT_MS = 10_000;

const BusyIntervalSchema = z.object({ therapistId: z.string(), start: InstantSchema, end: InstantSchema });
/** What the receiver's `GET /api/availability` answers (src/server/routes/availability.ts). */
const AvailabilityBodySchema = z.object({ busy: z.array(BusyIntervalSchema) });

/** A LocalDate or an ISO UTC instant: the only values this client puts in a URL. */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z)?$/;

export interface AvailabilityClientOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * The receiver's availability URL, a sibling of its bookings URL:
 * `https://x.example/api/bookings` → `https://x.example/api/availability`.
 */
export function availabilityUrlFor(bookingsEndpoint: string): string {
  return siblingUrl(bookingsEndpoint, "availability");
}

/** `path` beside the bookings URL on the same origin: `https://x.example/api/bookings` + `clients/code` → `https://x.example/api/clients/code`. */
export function siblingUrl(bookingsEndpoint: string, path: string): string {
  const url = new URL(bookingsEndpoint);
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  return new URL(path, url).href;
}

/** `(from, to) => busy intervals` for the widget, reading the receiver's `GET …/availability`. */
export function createAvailabilityClient(
  bookingsEndpoint: string,
  options: AvailabilityClientOptions = {},
): (from: string, to: string) => Promise<BusyInterval[]> {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_AVAILABILITY_TIMEOUT_MS;
  const allowed = isAllowedEndpoint(bookingsEndpoint);
  const base = allowed ? availabilityUrlFor(bookingsEndpoint) : "";

  return async (from, to) => {
    if (!allowed) throw new RequestFailedError("insecure-endpoint", "the booking endpoint is not https");
    if (!DATE_OR_INSTANT.test(from) || !DATE_OR_INSTANT.test(to)) {
      throw new RequestFailedError("bad-request", "expected dates as YYYY-MM-DD or ISO UTC instants");
    }
    const url = `${base}?${new URLSearchParams({ from, to }).toString()}`;
    const init: RequestInit = { ...ISOLATED_REQUEST, method: "GET", headers: { Accept: "application/json" } };
    const outcome = await attempt(fetchFn, url, init, { timeoutMs }, async (response) => ({
      ok: response.ok,
      body: response.ok ? await readJson(response) : undefined,
    }));
    const { ok, body } = valueOrThrow(outcome, "the availability request");
    const parsed = ok ? AvailabilityBodySchema.safeParse(body) : undefined;
    if (!parsed?.success) throw new RequestFailedError("server", "the receiver did not return availability");
    return parsed.data.busy;
  };
}
