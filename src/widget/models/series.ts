import { computed, signal, type ReadonlySignal } from "@preact/signals";
import type { ClinicConfig } from "../../core/config";
import { proposeSeries, type BusyInterval, type SeriesWeek } from "../../core/slots";
import { addDays } from "../../core/time";

export interface ChosenSlot {
  start: string;
  end: string;
  therapistId: string;
  localDate: string;
  /** The service and length the slot was found for: a different choice drops it. */
  serviceId: string;
  minutes: number;
}

/** For a week whose time is taken: an alternative start, or leaving that week out. */
export type WeekChoice = string | "skip";

export const INTERVAL_DAYS = 7;
export const DEFAULT_SERIES_COUNT = 4;

interface SeriesDeps {
  config: ClinicConfig;
  nowIso: () => string;
  busy: ReadonlySignal<BusyInterval[]>;
  selected: ReadonlySignal<ChosenSlot | null>;
  notBefore: () => string | null;
  /** Makes sure busy intervals are known up to this clinic day. */
  ensureLoaded: (to: string) => Promise<void>;
}

/** "Repeat weekly × n" on top of the chosen slot, with the client's picks for taken weeks. */
export function createSeries(deps: SeriesDeps) {
  const maxCount = deps.config.booking.maxSeriesSessions;
  const enabled = signal(false);
  const count = signal(Math.min(DEFAULT_SERIES_COUNT, maxCount));
  const choices = signal<Readonly<Record<number, WeekChoice>>>({});
  const available = maxCount > 1;

  const weeks = computed<SeriesWeek[]>(() => {
    const first = deps.selected.value;
    if (!enabled.value || !first) return [];
    const notBefore = deps.notBefore();
    return proposeSeries({
      config: deps.config,
      serviceId: first.serviceId,
      minutes: first.minutes,
      therapistId: first.therapistId,
      firstStart: first.start,
      count: count.value,
      busy: deps.busy.value,
      now: deps.nowIso(),
      intervalDays: INTERVAL_DAYS,
      ...(notBefore ? { notBefore } : {}),
    });
  });

  const starts = computed<string[]>(() => {
    const picked = weeks.value.map((week) => (week.available ? week.wanted.start : choices.value[week.index]));
    const kept = picked.filter((start): start is string => start !== undefined && start !== "skip");
    return [...new Set(kept)].sort((a, b) => Date.parse(a) - Date.parse(b));
  });

  const complete = computed(
    () => weeks.value.length > 0 && weeks.value.every((week) => week.available || choices.value[week.index] !== undefined),
  );

  /** The last clinic day a session of the series could fall on, alternatives included. */
  const lastDay = computed(() => {
    const first = deps.selected.value;
    if (!enabled.value || !first) return null;
    return addDays(first.localDate, count.value * INTERVAL_DAYS);
  });

  function load(): void {
    if (lastDay.value) void deps.ensureLoaded(lastDay.value);
  }

  function setEnabled(value: boolean): void {
    enabled.value = value && available;
    load();
  }

  function setCount(value: number): void {
    count.value = Math.max(2, Math.min(maxCount, Math.round(value)));
    load();
  }

  function choose(index: number, choice: WeekChoice): void {
    choices.value = { ...choices.value, [index]: choice };
  }

  function resetChoices(): void {
    choices.value = {};
  }

  /** Forgets alternatives that are no longer free, so the client picks again. */
  function dropTaken(isFree: (start: string) => boolean): void {
    const kept = Object.entries(choices.value).filter(([, choice]) => choice === "skip" || isFree(choice));
    choices.value = Object.fromEntries(kept);
  }

  function reset(): void {
    enabled.value = false;
    count.value = Math.min(DEFAULT_SERIES_COUNT, maxCount);
    choices.value = {};
  }

  return { available, maxCount, enabled, count, choices, weeks, starts, complete, lastDay, setEnabled, setCount, choose, resetChoices, dropTaken, reset, load };
}
