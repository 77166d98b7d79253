import type { ClinicConfig } from "../../core/config";
import type { Notifier } from "../mail/notifier";
import type { BookingDetail, Store } from "../store/types";

/** What a change to a booking is judged and carried out with. */
export interface ManageContext {
  config: ClinicConfig;
  store: Store;
  /** ISO UTC instant the change is judged at. */
  now: string;
  baseUrl: string;
  notifier: Notifier | null;
}

/** The booking a valid manage token opened, and that token (to build the view's calendar link). */
export interface Opened {
  booking: BookingDetail;
  token: string;
}
