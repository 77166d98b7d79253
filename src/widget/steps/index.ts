import type { ComponentType } from "preact";
import type { StepId } from "../types";
import { ConfirmationStep } from "./ConfirmationStep";
import { DetailsStep } from "./DetailsStep";
import { HealthStep } from "./HealthStep";
import { ReviewStep } from "./ReviewStep";
import { ServiceStep } from "./ServiceStep";
import { TimeStep } from "./TimeStep";

/** Every step of the flow; the service step is the same component the first paint shows. */
export const STEP_COMPONENTS: Readonly<Record<StepId, ComponentType>> = {
  service: ServiceStep,
  health: HealthStep,
  time: TimeStep,
  details: DetailsStep,
  review: ReviewStep,
  confirmation: ConfirmationStep,
};
