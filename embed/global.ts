import type { ClinicBookingApi } from "./api";

/** The one global the embed owns. */
export const GLOBAL_NAME = "ClinicBooking";

export type ClinicBookingGlobal = Window & { [GLOBAL_NAME]?: ClinicBookingApi };
