import { describe, expect, it } from "vitest";
import { checkReschedule, type ManagedBookingState } from "../../src/core/manage";
import type { BusyInterval } from "../../src/core/slots";
import { NOW, SLOT, SLOT_NEXT_WEEK, serverConfig } from "./fixtures/server-config";

const config = serverConfig();
const HOUR = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

const booking: ManagedBookingState = {
  serviceId: "clinical",
  minutes: 60,
  isNewClient: false,
  promoCode: null,
  createdAt: NOW,
  sessions: [SLOT, SLOT_NEXT_WEEK].map((start, index) => ({
    index, therapistId: "ana", start, end: plus(start, HOUR), status: "booked" as const, listPrice: 8250, discount: 0, price: 8250, dealId: null,
  })),
};
const own: BusyInterval[] = booking.sessions.map((s) => ({ therapistId: s.therapistId, start: s.start, end: s.end }));
const check = (changes: Parameters<typeof checkReschedule>[1], busy: BusyInterval[] = own, notBefore: string | null = null) =>
  checkReschedule({ config, booking, busy, now: NOW, notBefore }, changes);

describe("checkReschedule", () => {
  it("lets a session move onto part of its own old time", () => {
    const result = check([{ index: 0, start: plus(SLOT, HOUR / 2), therapistId: "ana" }]);
    expect(result).toMatchObject({ ok: true, value: { moves: [{ index: 0, therapistId: "ana", start: plus(SLOT, HOUR / 2), end: plus(SLOT, 1.5 * HOUR) }] } });
  });

  it("lets two sessions of the booking trade times", () => {
    const result = check([
      { index: 0, start: SLOT_NEXT_WEEK, therapistId: "ana" },
      { index: 1, start: SLOT, therapistId: "ana" },
    ]);
    expect(result.ok).toBe(true);
  });

  it("tells a time held by someone else (slot-taken) from one the rules refuse (slot-unavailable)", () => {
    const other: BusyInterval = { therapistId: "ana", start: plus(SLOT, 24 * HOUR), end: plus(SLOT, 25 * HOUR) };
    expect(check([{ index: 0, start: other.start, therapistId: "ana" }], [...own, other])).toMatchObject({ ok: false, errors: [{ path: "changes[0].start", code: "slot-taken" }] });
    expect(check([{ index: 0, start: plus(SLOT, 12 * HOUR), therapistId: "ana" }])).toMatchObject({ ok: false, errors: [{ code: "slot-unavailable" }] });
  });

  it("takes the first free therapist who offers the service when none is named", () => {
    const taken: BusyInterval = { therapistId: "ana", start: plus(SLOT, 24 * HOUR), end: plus(SLOT, 25 * HOUR) };
    expect(check([{ index: 0, start: taken.start, therapistId: null }], [...own, taken])).toMatchObject({ ok: true, value: { moves: [{ therapistId: "ben" }] } });
  });

  it("keeps the booking's postpone limit", () => {
    expect(check([{ index: 0, start: plus(SLOT, 24 * HOUR), therapistId: "ana" }], own, "2026-03-10")).toMatchObject({ ok: false, errors: [{ code: "slot-unavailable" }] });
  });

  it("reprices with the moves", () => {
    const result = check([{ index: 1, start: plus(SLOT_NEXT_WEEK, 24 * HOUR), therapistId: "ana" }]);
    if (!result.ok) throw new Error("expected the move to be accepted");
    expect(result.value.repriced.sessions).toEqual([{ index: 0, start: SLOT }, { index: 1, start: plus(SLOT_NEXT_WEEK, 24 * HOUR) }]);
    expect(result.value.repriced.after.total).toBe(16500);
  });
});
