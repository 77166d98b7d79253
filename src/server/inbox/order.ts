import type { TriageOutcome } from "../../core/config";

// Who needs the clinic's attention first: a client who must be called, one who needs a
// physician's clearance, then those whose therapist must take care; the rest after.
const RANK: Record<TriageOutcome, number> = {
  "contact-clinic": 0,
  clearance: 1,
  caution: 2,
  postpone: 3,
  ok: 3,
};

export function isFlagged(outcome: TriageOutcome): boolean {
  return RANK[outcome] < 3;
}

/** Flagged first (most urgent group first), newest first inside a group. */
export function inboxOrder<T extends { outcome: TriageOutcome; createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => RANK[a.outcome] - RANK[b.outcome] || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
  );
}
