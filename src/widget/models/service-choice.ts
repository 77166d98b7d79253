import type { Service } from "../../core/config";

/**
 * The length once `service` is chosen: the one clicked, else the current one if the service
 * has it, else its only length; null when the client still has to pick.
 */
export function lengthAfterChoosing(service: Service, clicked: number | undefined, current: number | null): number | null {
  const keep = clicked ?? (service.durations.some((d) => d.minutes === current) ? current : null);
  return keep ?? (service.durations.length === 1 ? (service.durations[0]?.minutes ?? null) : null);
}

export type ServiceError = "choose-service" | "choose-duration";

/** What still stops the client from leaving the service step, if anything. */
export function choiceError(serviceChosen: boolean, lengthChosen: boolean): ServiceError | null {
  return !serviceChosen ? "choose-service" : !lengthChosen ? "choose-duration" : null;
}
