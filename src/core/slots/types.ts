import type { ClinicConfig } from "../config/compiled";

/** A session already on a therapist's calendar. Instants are ISO 8601 UTC. */
export interface BusyInterval {
  therapistId: string;
  start: string;
  end: string;
}

export interface Slot {
  /** ISO UTC; `end` is `start` plus the service minutes. */
  start: string;
  end: string;
  /** Who can take it: one id in per-therapist results, every free therapist in merged ones (config order). */
  therapistIds: string[];
  /** Clinic wall clock at `start`. */
  localDate: string;
  localTime: string;
  /** Clinic UTC offset at `start`, e.g. "-03:00". */
  offset: string;
  /** The wall time occurs twice that day (fall-back); `offset` tells the two apart. */
  ambiguous: boolean;
}

export interface SlotQuery {
  config: ClinicConfig;
  serviceId: string;
  minutes: number;
  /** Inclusive LocalDate range in the clinic's zone. */
  from: string;
  to: string;
  busy: BusyInterval[];
  /** ISO UTC; the only clock the engine knows. */
  now: string;
  /** Only this therapist. */
  therapistId?: string;
  /** LocalDate: earlier days are hidden (postpone outcome). */
  notBefore?: string;
}

export type SlotCheckQuery = Omit<SlotQuery, "from" | "to">;

export interface SeriesQuery {
  config: ClinicConfig;
  serviceId: string;
  minutes: number;
  therapistId: string;
  /** ISO UTC start of the first session; every later one keeps its wall-clock time. */
  firstStart: string;
  count: number;
  busy: BusyInterval[];
  now: string;
  /** Calendar days between sessions; 7 when omitted. */
  intervalDays?: number;
  /** LocalDate: no session or alternative before this day (postpone outcome). */
  notBefore?: string;
}

export interface SeriesWeek {
  index: number;
  wanted: { start: string; end: string; localDate: string };
  available: boolean;
  /** Empty when available; otherwise up to three free slots of the same therapist, nearest first. */
  alternatives: Slot[];
}
