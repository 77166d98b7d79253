// Entry of the npm package: exports only, no side effects. Call defineClinicBooking() once.
import type { ClinicBookingElement } from "./element";
import type { ClinicBookingEventMap } from "./events";

export { ClinicBookingElement, defineClinicBooking, TAG_NAME } from "./element";
export type {
  ClinicBookingErrorDetail,
  ClinicBookingEventMap,
  ClinicBookingEventName,
  ClinicBookingReadyDetail,
  ClinicBookingStepDetail,
  ClinicBookingSubmittedDetail,
  DisplayMode,
} from "./events";
export type { ClinicBookingApi, ClinicBookingListener } from "./api";
export type { InitOptions } from "./dataset";
export type { ClinicConfig, ClinicConfigInput } from "../src/core/config";
export type { WidgetPrefill } from "../src/widget/types";

declare global {
  interface HTMLElementTagNameMap {
    "clinic-booking": ClinicBookingElement;
  }
  // The events bubble out of the shadow root, so `document.addEventListener` sees them typed too.
  interface DocumentEventMap extends ClinicBookingEventMap {}
}
