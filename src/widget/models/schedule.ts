import { computed, signal } from "@preact/signals";
import type { ClinicConfig } from "../../core/config";
import { findSlots, isSlotAvailable, type BusyInterval, type Slot } from "../../core/slots";
import { addDays, laterDate, localDateAt } from "../../core/time";
import { createAvailability } from "./availability";
import { createSeries, type ChosenSlot } from "./series";

export type { ChosenSlot };

export const WINDOW_DAYS = 14;

export type ScheduleModel = ReturnType<typeof createScheduleModel>;

export interface ScheduleDeps {
  config: ClinicConfig;
  now: () => Date;
  fetchAvailability: (from: string, to: string) => Promise<BusyInterval[]>;
  /** The service and length chosen on the first step, or null. */
  choice: () => { serviceId: string; minutes: number } | null;
  /** First clinic day slots may be offered (postpone outcome), or null. */
  notBefore: () => string | null;
}

export type ScheduleError = "choose-time" | "series-incomplete" | "slot-unavailable";

/** Days shown, the slots in them, the one chosen, and the weekly series built on it. */
export function createScheduleModel(deps: ScheduleDeps) {
  const { config } = deps;
  const availability = createAvailability(deps.fetchAvailability);
  const windowOffset = signal(0);
  const therapistFilter = signal("");
  const picked = signal<ChosenSlot | null>(null);
  const error = signal<ScheduleError | null>(null);
  /** Shown above the slots after a 409: the chosen time went to someone else. */
  const notice = signal<"slot-taken" | null>(null);

  const nowIso = () => deps.now().toISOString();
  const today = () => localDateAt(config.timeZone, deps.now().getTime());
  const lastBookableDay = () => addDays(today(), config.booking.horizonDays);

  const firstDay = computed(() => laterDate(today(), deps.notBefore() ?? today()));
  const windowFrom = computed(() => addDays(firstDay.value, windowOffset.value * WINDOW_DAYS));
  const windowTo = computed(() => addDays(windowFrom.value, WINDOW_DAYS - 1));
  const hasLaterDates = computed(() => addDays(windowTo.value, 1) <= lastBookableDay());
  const hasEarlierDates = computed(() => windowOffset.value > 0);

  const therapists = computed(() => {
    const serviceId = deps.choice()?.serviceId;
    return config.therapists.filter((t) => serviceId !== undefined && t.services.includes(serviceId));
  });

  const slots = computed<Slot[]>(() => {
    const choice = deps.choice();
    if (!choice || availability.status.value !== "ready") return [];
    const notBefore = deps.notBefore();
    return findSlots({
      config,
      ...choice,
      from: windowFrom.value,
      to: windowTo.value,
      busy: availability.busy.value,
      now: nowIso(),
      ...(therapistFilter.value ? { therapistId: therapistFilter.value } : {}),
      ...(notBefore ? { notBefore } : {}),
    });
  });

  const days = computed(() => {
    const byDate = new Map<string, Slot[]>();
    for (const slot of slots.value) byDate.set(slot.localDate, [...(byDate.get(slot.localDate) ?? []), slot]);
    return [...byDate].map(([date, daySlots]) => ({ date, slots: daySlots }));
  });

  /** The chosen slot, as long as it still fits the chosen service and length. */
  const selected = computed<ChosenSlot | null>(() => {
    const slot = picked.value;
    const choice = deps.choice();
    if (!slot || !choice || slot.serviceId !== choice.serviceId || slot.minutes !== choice.minutes) return null;
    return slot;
  });

  const series = createSeries({
    config,
    nowIso,
    busy: availability.busy,
    selected,
    notBefore: deps.notBefore,
    ensureLoaded: (to) => ensureLoaded(to),
  });

  /** Session starts in chronological order: one, or the series with the alternatives picked. */
  const sessions = computed<string[]>(() => {
    const first = selected.value;
    if (!first) return [];
    return series.enabled.value ? series.starts.value : [first.start];
  });

  const complete = computed(() => selected.value !== null && (!series.enabled.value || series.complete.value));

  function ensureLoaded(to?: string): Promise<void> {
    const until = to && to > windowTo.value ? to : windowTo.value;
    return availability.ensure(windowFrom.value, until);
  }

  function select(slot: Slot): void {
    const choice = deps.choice();
    if (!choice) return;
    const keep = picked.value?.therapistId;
    const therapistId = therapistFilter.value || (keep && slot.therapistIds.includes(keep) ? keep : slot.therapistIds[0]);
    if (!therapistId) return;
    picked.value = { start: slot.start, end: slot.end, therapistId, localDate: slot.localDate, ...choice };
    error.value = null;
    notice.value = null;
    series.resetChoices();
    series.load();
  }

  function filterTherapist(id: string): void {
    therapistFilter.value = id;
    if (picked.value && id && picked.value.therapistId !== id) picked.value = null;
  }

  function moveWindow(by: number): void {
    const next = windowOffset.value + by;
    if (next < 0 || (by > 0 && !hasLaterDates.value)) return;
    windowOffset.value = next;
    void ensureLoaded();
  }

  function validate(): boolean {
    error.value = !selected.value ? "choose-time" : series.enabled.value && !series.complete.value ? "series-incomplete" : null;
    return error.value === null;
  }

  /** After a 409: fetch again, drop whatever is no longer free, keep everything else. */
  async function refreshAfterConflict(): Promise<void> {
    availability.invalidate();
    notice.value = "slot-taken";
    await availability.ensure(windowFrom.value, series.lastDay.value ?? windowTo.value, true);
    const slot = selected.value;
    const choice = deps.choice();
    if (!slot || !choice) return;
    const notBefore = deps.notBefore();
    const query = { config, ...choice, busy: availability.busy.value, now: nowIso(), ...(notBefore ? { notBefore } : {}) };
    if (!isSlotAvailable(query, slot.therapistId, slot.start)) picked.value = null;
    else series.dropTaken((start) => isSlotAvailable(query, slot.therapistId, start));
  }

  function reset(): void {
    picked.value = null;
    therapistFilter.value = "";
    windowOffset.value = 0;
    error.value = null;
    notice.value = null;
    series.reset();
    availability.invalidate();
  }

  return {
    availability,
    status: availability.status,
    windowFrom,
    windowTo,
    hasLaterDates,
    hasEarlierDates,
    therapists,
    therapistFilter,
    slots,
    days,
    selected,
    series,
    sessions,
    complete,
    error,
    notice,
    ensureLoaded,
    select,
    filterTherapist,
    moveWindow,
    validate,
    refreshAfterConflict,
    reset,
  };
}
