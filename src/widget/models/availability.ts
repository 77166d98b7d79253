import { signal } from "@preact/signals";
import type { BusyInterval } from "../../core/slots";
import { addDays } from "../../core/time";

export type LoadStatus = "idle" | "loading" | "ready" | "error";

/**
 * Busy intervals fetched from the clinic, for one contiguous range of clinic days.
 * A wider range refetches the whole of it: one answer is easier to trust than stitched ones.
 */
export function createAvailability(fetchAvailability: (from: string, to: string) => Promise<BusyInterval[]>) {
  const busy = signal<BusyInterval[]>([]);
  const status = signal<LoadStatus>("idle");
  let covered: { from: string; to: string } | null = null;
  let pending: { from: string; to: string; done: Promise<void> } | null = null;
  let latest = 0;

  const covers = (range: { from: string; to: string } | null, from: string, to: string) =>
    range !== null && range.from <= from && range.to >= to;

  /** Resolves once the days `from`..`to` are known (or the fetch failed). */
  function ensure(from: string, to: string, force = false): Promise<void> {
    if (!force && covers(covered, from, to) && status.value === "ready") return Promise.resolve();
    if (!force && pending && covers(pending, from, to)) return pending.done;
    const range = !force && covered ? { from: min(covered.from, from), to: max(covered.to, to) } : { from, to };
    const done = load(range);
    pending = { ...range, done };
    return done;
  }

  async function load(range: { from: string; to: string }): Promise<void> {
    const ticket = ++latest;
    status.value = "loading";
    try {
      const instants = instantRangeCovering(range.from, range.to);
      const result = await fetchAvailability(instants.from, instants.to);
      // An older request finishing late must not overwrite a newer answer.
      if (ticket !== latest) return;
      busy.value = result;
      covered = range;
      pending = null;
      status.value = "ready";
    } catch {
      if (ticket !== latest) return;
      pending = null;
      status.value = "error";
    }
  }

  function invalidate(): void {
    covered = null;
    pending = null;
  }

  return { busy, status, ensure, invalidate };
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/**
 * UTC instants that surely cover the clinic days `from`..`to` whatever the zone's offset
 * (offsets stay within ±14 h): asking a little too much is harmless, too little hides bookings.
 */
function instantRangeCovering(from: string, to: string): { from: string; to: string } {
  return {
    from: `${addDays(from, -1)}T00:00:00.000Z`,
    to: `${addDays(to, 2)}T00:00:00.000Z`,
  };
}
