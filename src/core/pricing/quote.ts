import type { ClinicConfig, Deal, LocalizedText } from "../config";
import { parseInstant } from "../time";
import { dealDiscounts, type ListedSession } from "./deals";
import { isDealActive } from "./validity";

export interface SessionInput {
  serviceId: string;
  minutes: number;
  /** ISO UTC instant. */
  start: string;
}

export interface QuoteInput {
  config: ClinicConfig;
  sessions: SessionInput[];
  isNewClient: boolean;
  /** As typed by the client; matched to a promo deal's code trimmed and case-insensitively. */
  promoCode?: string | undefined;
  /** ISO UTC instant of the booking: decides which deals are in their validity window. */
  now: string;
}

export interface QuoteLine {
  /** Position of this session in `QuoteInput.sessions` (lines themselves are chronological). */
  index: number;
  serviceId: string;
  minutes: number;
  start: string;
  listPrice: number;
  discount: number;
  /** listPrice − discount, never below 0. */
  price: number;
  /** The chosen deal when it discounts this line, otherwise null. */
  dealId: string | null;
}

/**
 * What happened to the code the client entered:
 * - `none`: no code (or only spaces);
 * - `applied`: the code's deal is the one applied;
 * - `unknown`: no promo deal with that code is active now (expired codes included);
 * - `not-applicable`: the code exists, but new-client-only or its scope leaves it no session to discount;
 * - `not-best`: the code would discount, but another deal gives a lower (or equal, listed earlier) total.
 */
export type PromoStatus = "none" | "applied" | "unknown" | "not-applicable" | "not-best";

export interface Quote {
  currency: string;
  /** Sessions in chronological order. */
  lines: QuoteLine[];
  listTotal: number;
  /** The savings against list price. */
  discountTotal: number;
  /** Σ line.price, never below 0. */
  total: number;
  deal: { id: string; kind: Deal["kind"]; name: LocalizedText } | null;
  promo: PromoStatus;
}

interface Candidate {
  deal: Deal;
  discounts: number[];
  discountTotal: number;
}

/**
 * Prices a booking with the single deal that gives the lowest total (deals never
 * stack); on a tie the deal listed first in the config wins. A deal that would
 * discount nothing is never chosen, so `deal` is null when no deal saves money.
 *
 * @throws Error when a session names a service or duration the config lacks, or
 *   an instant is not ISO 8601: callers validate the booking first, so this is a bug.
 */
export function quote(input: QuoteInput): Quote {
  const { config } = input;
  const sessions = listSessions(config, input.sessions);
  const code = normalizeCode(input.promoCode ?? "");
  const usable = config.deals.filter(
    (deal) =>
      isDealActive(deal, config, input.now) &&
      (!deal.newClientsOnly || input.isNewClient) &&
      (deal.kind !== "promo-code" || normalizeCode(deal.code) === code),
  );
  const candidates = usable
    .map((deal) => candidateFor(deal, sessions, config.timeZone))
    .filter((candidate) => candidate.discountTotal > 0);
  const best = lowestTotal(candidates);

  const lines = sessions.map((session, i): QuoteLine => {
    const discount = best?.discounts[i] ?? 0;
    return {
      index: session.index,
      serviceId: session.serviceId,
      minutes: session.minutes,
      start: session.start,
      listPrice: session.listPrice,
      discount,
      price: session.listPrice - discount,
      dealId: best !== undefined && discount > 0 ? best.deal.id : null,
    };
  });
  const listTotal = sum(lines.map((line) => line.listPrice));
  const total = sum(lines.map((line) => line.price));
  return {
    currency: config.currency,
    lines,
    listTotal,
    discountTotal: listTotal - total,
    total,
    deal: best === undefined ? null : { id: best.deal.id, kind: best.deal.kind, name: best.deal.name },
    promo: promoStatus(code, config, input.now, candidates, best),
  };
}

function promoStatus(
  code: string,
  config: ClinicConfig,
  now: string,
  candidates: readonly Candidate[],
  best: Candidate | undefined,
): PromoStatus {
  if (code === "") return "none";
  const exists = config.deals.some(
    (deal) => deal.kind === "promo-code" && normalizeCode(deal.code) === code && isDealActive(deal, config, now),
  );
  if (!exists) return "unknown";
  if (best?.deal.kind === "promo-code") return "applied";
  return candidates.some((c) => c.deal.kind === "promo-code") ? "not-best" : "not-applicable";
}

interface IndexedSession extends ListedSession {
  index: number;
}

function listSessions(config: ClinicConfig, sessions: readonly SessionInput[]): IndexedSession[] {
  return sessions
    .map((session, index) => ({
      ...session,
      index,
      listPrice: listPriceOf(config, session.serviceId, session.minutes),
      startMillis: parseInstant(session.start),
    }))
    // Sessions at one instant (a booking refuses them, a quote may meet them) are ordered by what
    // they are, not by where they were given: otherwise "every 2nd free" could free either one.
    .sort(
      (a, b) =>
        a.startMillis - b.startMillis ||
        a.listPrice - b.listPrice ||
        (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0) ||
        a.minutes - b.minutes ||
        a.index - b.index,
    )
    .map(({ serviceId, minutes, start, index, listPrice }) => ({ serviceId, minutes, start, index, listPrice }));
}

function listPriceOf(config: ClinicConfig, serviceId: string, minutes: number): number {
  const service = config.index.serviceById.get(serviceId);
  if (service === undefined) throw new Error(`unknown service "${serviceId}"`);
  const option = service.durations.find((d) => d.minutes === minutes);
  if (option === undefined) throw new Error(`service "${serviceId}" has no ${minutes}-minute option`);
  return option.price;
}

function candidateFor(deal: Deal, sessions: readonly ListedSession[], timeZone: string): Candidate {
  const discounts = dealDiscounts(deal, sessions, timeZone);
  return { deal, discounts, discountTotal: sum(discounts) };
}

/** Every candidate shares the same list total, so the lowest total is the largest discount. */
function lowestTotal(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    // Strictly greater keeps the earlier-listed deal on a tie.
    if (best === undefined || candidate.discountTotal > best.discountTotal) best = candidate;
  }
  return best;
}

function normalizeCode(code: string): string {
  return code.trim().toLowerCase();
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
