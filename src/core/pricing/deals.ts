import type { Deal, DealScope, EveryNthFreeDeal, PercentOffDeal, PromoCodeDeal } from "../config";
import { clinicDateAt, dayNumber } from "../time";
import { percentOf } from "./money";

/** A session of one booking with its list price. Lists of these are in chronological order. */
export interface ListedSession {
  serviceId: string;
  minutes: number;
  /** ISO UTC instant. */
  start: string;
  listPrice: number;
}

/**
 * Each function below answers one question: if this deal alone were applied,
 * how much would each session be discounted? The result has one integer per
 * session, in the same order, each between 0 and that session's list price.
 * Whether the deal is usable at all (validity window, new clients, promo code
 * entered) is decided by the caller.
 */

export function isInScope(scope: DealScope, session: Pick<ListedSession, "serviceId" | "minutes">): boolean {
  return (
    (scope.services === undefined || scope.services.includes(session.serviceId)) &&
    (scope.durations === undefined || scope.durations.includes(session.minutes))
  );
}

/**
 * Every nth eligible session of a consecutive run is free.
 *
 * Out-of-scope sessions are invisible: they neither count nor break a run. The gap
 * between neighbouring eligible sessions is the number of clinic calendar days
 * between their start dates (Monday → next Monday is 7, whatever the hours or a
 * DST change in between); a gap longer than `maxGapDays` starts a new run.
 */
export function everyNthFreeDiscounts(
  deal: EveryNthFreeDeal,
  sessions: readonly ListedSession[],
  timeZone: string,
): number[] {
  const discounts = sessions.map(() => 0);
  let positionInRun = 0;
  let previousDay: number | undefined;
  sessions.forEach((session, i) => {
    if (!isInScope(deal.appliesTo, session)) return;
    const day = dayNumber(clinicDateAt(session.start, timeZone));
    const continuesRun = previousDay !== undefined && day - previousDay <= deal.maxGapDays;
    positionInRun = continuesRun ? positionInRun + 1 : 1;
    previousDay = day;
    if (positionInRun % deal.n === 0) discounts[i] = session.listPrice;
  });
  return discounts;
}

/** The percentage off every eligible session, each rounded on its own. */
export function percentOffDiscounts(deal: PercentOffDeal, sessions: readonly ListedSession[]): number[] {
  const discounts = percentDiscounts(deal.appliesTo, deal.percent, sessions);
  if (!deal.firstSessionOnly) return discounts;
  const first = sessions.findIndex((session) => isInScope(deal.appliesTo, session));
  return discounts.map((discount, i) => (i === first ? discount : 0));
}

/**
 * A percent code discounts each eligible session like `percent-off`.
 * A fixed code is an amount off the whole booking, not off each session: it is
 * spent on the eligible sessions in chronological order, each down to at most 0,
 * so the discounts add up to min(amount, eligible list total).
 */
export function promoCodeDiscounts(deal: PromoCodeDeal, sessions: readonly ListedSession[]): number[] {
  if (deal.discount.type === "percent") return percentDiscounts(deal.appliesTo, deal.discount.percent, sessions);
  let remaining = deal.discount.amount;
  return sessions.map((session) => {
    if (!isInScope(deal.appliesTo, session)) return 0;
    const discount = Math.min(remaining, session.listPrice);
    remaining -= discount;
    return discount;
  });
}

export function dealDiscounts(deal: Deal, sessions: readonly ListedSession[], timeZone: string): number[] {
  switch (deal.kind) {
    case "every-nth-free":
      return everyNthFreeDiscounts(deal, sessions, timeZone);
    case "percent-off":
      return percentOffDiscounts(deal, sessions);
    case "promo-code":
      return promoCodeDiscounts(deal, sessions);
  }
}

function percentDiscounts(scope: DealScope, percent: number, sessions: readonly ListedSession[]): number[] {
  return sessions.map((session) => (isInScope(scope, session) ? percentOf(session.listPrice, percent) : 0));
}
