import type { ClinicConfig } from "../config/compiled";
import { quote, type Quote } from "../pricing";
import { bookedSessions, type ManagedBookingState } from "./booking";
import type { DealRef, RescheduleQuote } from "./contract";

export interface SessionMove {
  index: number;
  start: string;
}

export interface Repriced extends RescheduleQuote {
  /** The fresh quote of the booked sessions after the moves; its line `index` is the position in `sessions`. */
  quote: Quote;
  /** The booked sessions as quoted, with the moved ones at their new start. */
  sessions: { index: number; start: string }[];
}

/**
 * Re-quotes a booking's booked sessions with the moved ones at their new times: the same client
 * status and promo code as when it was booked, and deals judged at the booking's creation, so a
 * move neither gains a deal that started since nor loses one that has ended. One quote of the
 * whole booking, so deals never stack.
 */
export function repriceAfterMoves(config: ClinicConfig, booking: ManagedBookingState, moves: SessionMove[]): Repriced {
  const moved = new Map(moves.map((move) => [move.index, move.start]));
  const sessions = bookedSessions(booking).map((session) => ({ index: session.index, start: moved.get(session.index) ?? session.start }));
  const fresh = quote({
    config,
    sessions: sessions.map((session) => ({ serviceId: booking.serviceId, minutes: booking.minutes, start: session.start })),
    isNewClient: booking.isNewClient,
    ...(booking.promoCode ? { promoCode: booking.promoCode } : {}),
    now: booking.createdAt,
  });
  const before = currentPrice(config, booking);
  const after = {
    total: fresh.total,
    deal: fresh.deal ? { id: fresh.deal.id, name: fresh.deal.name } : null,
    lines: fresh.lines.map((line) => ({ index: sessions[line.index]?.index ?? line.index, listPrice: line.listPrice, price: line.price })),
  };
  const changed = before.total !== after.total || (before.deal?.id ?? null) !== (after.deal?.id ?? null);
  return { before, after, changed, quote: fresh, sessions };
}

/** What the booked sessions cost as stored. */
export function currentPrice(config: ClinicConfig, booking: ManagedBookingState): { total: number; deal: DealRef | null } {
  const booked = bookedSessions(booking);
  const total = booked.reduce((sum, session) => sum + session.price, 0);
  const dealId = booked.find((session) => session.dealId !== null)?.dealId ?? null;
  return { total, deal: dealId === null ? null : dealRef(config, dealId) };
}

/** A deal by id with its name; a deal the clinic has since removed keeps its id as name. */
export function dealRef(config: ClinicConfig, dealId: string): DealRef {
  return { id: dealId, name: config.deals.find((deal) => deal.id === dealId)?.name ?? dealId };
}
