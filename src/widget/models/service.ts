import { computed, signal } from "@preact/signals";
import type { Service } from "../../core/config";
export type ServiceModel = ReturnType<typeof createServiceModel>;

export type ServiceError = "choose-service" | "choose-duration";

/**
 * Which service and length the client wants. `services` is read on every use: the first step
 * starts from the unchecked config's list and carries on with the checked one's.
 */
export function createServiceModel(services: () => readonly Service[]) {
  const serviceId = signal<string | null>(null);
  const minutes = signal<number | null>(null);
  const error = signal<ServiceError | null>(null);

  const service = computed<Service | null>(() => services().find((s) => s.id === serviceId.value) ?? null);
  const price = computed(() => service.value?.durations.find((d) => d.minutes === minutes.value)?.price ?? null);
  const complete = computed(() => service.value !== null && price.value !== null);

  /** Chooses a service; a service with one length needs no second click. */
  function choose(id: string, length?: number): void {
    const found = services().find((s) => s.id === id);
    if (!found) return;
    serviceId.value = id;
    minutes.value = lengthAfterChoosing(found, length, minutes.value);
    error.value = null;
  }

  function chooseMinutes(length: number): void {
    if (service.value?.durations.some((d) => d.minutes === length)) {
      minutes.value = length;
      error.value = null;
    }
  }

  function validate(): boolean {
    error.value = service.value === null ? "choose-service" : price.value === null ? "choose-duration" : null;
    return error.value === null;
  }

  function reset(): void {
    serviceId.value = null;
    minutes.value = null;
    error.value = null;
  }

  return { serviceId, minutes, service, price, complete, error, choose, chooseMinutes, validate, reset };
}

/**
 * The length once `service` is chosen: the one clicked, else the current one if the service
 * has it, else its only length; null when the client still has to pick.
 */
function lengthAfterChoosing(service: Service, clicked: number | undefined, current: number | null): number | null {
  const keep = clicked ?? (service.durations.some((d) => d.minutes === current) ? current : null);
  return keep ?? (service.durations.length === 1 ? (service.durations[0]?.minutes ?? null) : null);
}
