import type { ClinicConfig } from "../../core/config";
import type { TooLateBody, ManageInvalidBody } from "../../core/manage";
import type { Issue } from "../../core/result";

/** An answer of a manage route: status and JSON body, ready to send. */
export interface ManageAnswer {
  status: 200 | 404 | 409 | 422;
  body: unknown;
}

export function tooLate(config: ClinicConfig, indexes: number[]): ManageAnswer {
  const body: TooLateBody = {
    error: "too-late",
    message: `This is within ${config.booking.cancellationNoticeHours} hours of the appointment: please call the clinic.`,
    phone: config.clinic.phone,
    policy: config.policies.cancellation,
    indexes,
  };
  return { status: 409, body };
}

export function invalid(issues: Issue[], error: ManageInvalidBody["error"] = "invalid"): ManageAnswer {
  const body: ManageInvalidBody = { error, issues };
  return { status: 422, body };
}

export function keyReused(): ManageAnswer {
  return invalid(
    [{ path: "Idempotency-Key", code: "idempotency-key-reused", message: "this key was already used for a different request; send this one with a new key" }],
    "idempotency-key-reused",
  );
}
