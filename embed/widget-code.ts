// The part of the widget the element imports once a config is there: the flow and its transport.
import type { ClinicConfig } from "../src/core/config";
import { mountWidget } from "../src/widget/mount";
import { createAvailabilityClient, createClientCodeService, createHttpTransport } from "../src/widget/submit";
import type { WidgetHandle, WidgetOptions } from "../src/widget/types";

export { hostEvents } from "./host-events";

export type EmbeddedWidgetOptions = Omit<WidgetOptions, "transport" | "fetchAvailability" | "config"> & { config: ClinicConfig };

/** Mounts the flow talking to the config's own receiver. */
export function mountEmbeddedWidget(container: HTMLElement, options: EmbeddedWidgetOptions): WidgetHandle {
  const { submit } = options.config;
  return mountWidget(container, {
    ...options,
    transport: createHttpTransport({ endpoint: submit.endpoint, timeoutMs: submit.timeoutMs, maxRetries: submit.maxRetries }),
    fetchAvailability: createAvailabilityClient(submit.endpoint),
    clientCodes: createClientCodeService(submit.endpoint),
  });
}
