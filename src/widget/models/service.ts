import { computed, signal } from "@preact/signals";
import type { ClinicConfig, Deal, Service } from "../../core/config";
import { visibleDeals } from "../../core/pricing";
import { choiceError, lengthAfterChoosing, type ServiceError } from "./service-choice";

export type ServiceModel = ReturnType<typeof createServiceModel>;

export type { ServiceError };

/** Which service and length the client wants. */
export function createServiceModel(config: ClinicConfig, now: () => Date) {
  const serviceId = signal<string | null>(null);
  const minutes = signal<number | null>(null);
  const error = signal<ServiceError | null>(null);

  const service = computed<Service | null>(() => config.index.serviceById.get(serviceId.value ?? "") ?? null);
  const price = computed(() => service.value?.durations.find((d) => d.minutes === minutes.value)?.price ?? null);
  const complete = computed(() => service.value !== null && price.value !== null);

  /** Chooses a service; a service with one length needs no second click. */
  function choose(id: string, length?: number): void {
    const found = config.index.serviceById.get(id);
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
    error.value = choiceError(service.value !== null, price.value !== null);
    return error.value === null;
  }

  /** Deals worth advertising on a service card, judged now: expired ones never show. */
  function dealsFor(id: string): Deal[] {
    return visibleDeals(config, now().toISOString(), id);
  }

  function reset(): void {
    serviceId.value = null;
    minutes.value = null;
    error.value = null;
  }

  return { serviceId, minutes, service, price, complete, error, choose, chooseMinutes, validate, dealsFor, reset };
}

