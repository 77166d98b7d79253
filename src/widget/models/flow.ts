import { computed, signal } from "@preact/signals";
import type { StepId } from "../types";
import { stepsFor, type FlowKind } from "./steps";

export { stepsFor, type FlowKind };

/**
 * The step machine. It knows the order of the steps and where the client may go;
 * whether a step's answers are complete is asked of the caller, so the machine stays
 * free of form rules.
 */
export function createFlow() {
  const kind = signal<FlowKind>("booking");
  const current = signal<StepId>("service");
  /** Steps the client has opened at least once: the stepper lets them go back to these. */
  const reached = signal<ReadonlySet<StepId>>(new Set<StepId>(["service"]));
  /** Set by "Edit" on the review: finishing the edited step returns there. */
  const returnToReview = signal(false);

  const steps = computed(() => stepsFor(kind.value));
  const index = computed(() => steps.value.indexOf(current.value));
  const finished = computed(() => current.value === "confirmation");

  function open(step: StepId): void {
    current.value = step;
    if (!reached.value.has(step)) reached.value = new Set([...reached.value, step]);
  }

  /** Leaves `from` for the next step, or for the review after an edit when nothing in between is missing. */
  function next(isComplete: (step: StepId) => boolean): void {
    const order = steps.value;
    const at = order.indexOf(current.value);
    if (returnToReview.value) {
      const firstMissing = order.slice(0, order.indexOf("review")).find((s) => !isComplete(s));
      if (!firstMissing) {
        returnToReview.value = false;
        open("review");
        return;
      }
      if (order.indexOf(firstMissing) > at) {
        open(firstMissing);
        return;
      }
    }
    const following = order[at + 1];
    if (following) open(following);
  }

  function back(): void {
    const previous = steps.value[index.value - 1];
    if (previous && !finished.value) open(previous);
  }

  /** Only steps already reached, and never away from a finished booking. */
  function goTo(step: StepId, options: { fromReview?: boolean } = {}): boolean {
    if (finished.value || !steps.value.includes(step) || !reached.value.has(step)) return false;
    returnToReview.value = options.fromReview === true;
    open(step);
    return true;
  }

  function setKind(next: FlowKind): void {
    if (kind.value === next) return;
    kind.value = next;
    // Steps of the other path stay reachable in `reached` but are not part of this one.
    if (!steps.value.includes(current.value)) open("health");
  }

  /** After a booking: a fresh flow for another one, answers cleared by their own models. */
  function restart(): void {
    kind.value = "booking";
    returnToReview.value = false;
    reached.value = new Set<StepId>(["service"]);
    current.value = "service";
  }

  return { kind, current, reached, returnToReview, steps, index, finished, next, back, goTo, setKind, restart, open };
}
