import type { StepId } from "../types";

/** "callback": the client asks the clinic to call instead of choosing a time. */
export type FlowKind = "booking" | "callback";

const BOOKING_STEPS: readonly StepId[] = ["service", "health", "time", "details", "review", "confirmation"];
const CALLBACK_STEPS: readonly StepId[] = ["service", "health", "details", "review", "confirmation"];

export function stepsFor(kind: FlowKind): readonly StepId[] {
  return kind === "booking" ? BOOKING_STEPS : CALLBACK_STEPS;
}
