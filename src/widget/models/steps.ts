import { STEP_IDS, type StepId } from "../types";

/** "callback": the client asks the clinic to call instead of choosing a time. */
export type FlowKind = "booking" | "callback";

const BOOKING_STEPS: readonly StepId[] = STEP_IDS;
// A call-back request has no time to choose.
const CALLBACK_STEPS: readonly StepId[] = STEP_IDS.filter((step) => step !== "time");

export function stepsFor(kind: FlowKind): readonly StepId[] {
  return kind === "booking" ? BOOKING_STEPS : CALLBACK_STEPS;
}
