export type { BusyInterval, SeriesQuery, SeriesWeek, Slot, SlotCheckQuery, SlotQuery } from "./types";
export { findSlots, isSlotAvailable } from "./slots";
export { proposeSeries } from "./series";
export { beyondHorizonMs } from "./horizon";
