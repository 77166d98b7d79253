import type { Signal } from "@preact/signals";
import type { Issue } from "../../core/result";
import { STEP_IDS, type StepId } from "../types";
import type { DetailErrorCode, DetailField, DetailsModel } from "./details";
import { CLEARANCE_FIELD, FIRST_VISIT_FIELD, type IntakeModel } from "./intake";
import type { PriceModel } from "./price";
import type { ScheduleModel } from "./schedule";
import type { ServiceModel } from "./service";

/** A 422's issues sorted by the step and field they belong to. */
export interface MappedIssues {
  /** The earliest step with a problem: where the client is sent to fix it. */
  step: StepId;
  service: boolean;
  intake: Record<string, string>;
  details: Partial<Record<DetailField, DetailErrorCode>>;
  sessions: boolean;
  promo: boolean;
  priceChanged: boolean;
  /** Issues no field owns (shown on the review). */
  other: Issue[];
}

export function mapServerIssues(issues: readonly Issue[]): MappedIssues {
  const mapped: MappedIssues = {
    step: "review",
    service: false,
    intake: {},
    details: {},
    sessions: false,
    promo: false,
    priceChanged: false,
    other: [],
  };
  const steps = new Set<StepId>();
  for (const issue of issues) {
    const step = place(issue, mapped);
    steps.add(step);
  }
  // The earliest step in the flow with a problem.
  mapped.step = STEP_IDS.find((s) => steps.has(s)) ?? "review";
  return mapped;
}

interface IssueTargets {
  service: ServiceModel;
  intake: IntakeModel;
  details: DetailsModel;
  schedule: ScheduleModel;
  price: PriceModel;
  reviewIssues: Signal<Issue[]>;
}

/** Shows a 422's issues on the fields they name; returns the step the client should go to. */
export function applyServerIssues(issues: readonly Issue[], to: IssueTargets): StepId {
  const mapped = mapServerIssues(issues);
  if (mapped.service) to.service.error.value = "choose-duration";
  if (Object.keys(mapped.intake).length > 0) to.intake.showServerErrors(mapped.intake);
  if (Object.keys(mapped.details).length > 0) to.details.showServerErrors(mapped.details);
  if (mapped.sessions) to.schedule.error.value = "slot-unavailable";
  if (mapped.promo) to.price.serverError.value = "unknown-promo";
  if (mapped.priceChanged) {
    to.price.serverError.value = "price-changed";
    // The quote was computed earlier; reading the clock again shows the price the receiver expects.
    to.price.refreshClock();
  }
  to.reviewIssues.value = mapped.other;
  return mapped.step;
}

/** Catalogue messages for the issues no field owns. */
export type ReviewIssueMessage = "review.serverIssue" | "review.serverIssue.version";

/**
 * What the review says about the issues no field owns, once per kind. Never the receiver's own
 * message: it is in the receiver's language (English for the reference one), and a clinic's own
 * backend may put anything there. A request version it refuses means this page's code is stale.
 */
export function reviewIssueMessages(issues: readonly Issue[]): ReviewIssueMessage[] {
  const messages = new Set<ReviewIssueMessage>();
  for (const issue of issues) messages.add(issue.path === "version" ? "review.serverIssue.version" : "review.serverIssue");
  return [...messages];
}

function place(issue: Issue, into: MappedIssues): StepId {
  const path = issue.path;
  const answer = /^answers\.(.+)$/.exec(path);
  if (answer?.[1]) {
    into.intake[answer[1]] = issue.code;
    return "health";
  }
  if (path === "serviceId" || path === "minutes") {
    into.service = true;
    return "service";
  }
  if (path === "client.isNewClient") return setIntake(into, FIRST_VISIT_FIELD, "server");
  if (path === "client.lastFullIntake" || path === "intakeMode") return setIntake(into, FIRST_VISIT_FIELD, "full-intake-required");
  if (path === "clearanceConfirmed" || path === "kind") return setIntake(into, CLEARANCE_FIELD, issue.code);
  const client = /^client\.(name|email|phone)/.exec(path)?.[1];
  if (client === "name" || client === "email" || client === "phone") {
    into.details[client] = client === "email" ? "invalid-email" : client === "phone" ? "invalid-phone" : "required";
    return "details";
  }
  if (path.startsWith("consent.cancellationPolicy")) return setDetail(into, "policyConsent", "consent-policy");
  if (path.startsWith("consent")) return setDetail(into, "healthConsent", "consent-health");
  if (path === "callbackNote") return setDetail(into, "callbackNote", "too-long");
  if (path.startsWith("sessions") || path === "therapistId") {
    into.sessions = true;
    return "time";
  }
  if (path === "promoCode") {
    into.promo = true;
    return "time";
  }
  if (path === "quotedTotal" || path === "quotedDealId") {
    into.priceChanged = true;
    return "time";
  }
  into.other.push(issue);
  return "review";
}

function setIntake(into: MappedIssues, field: string, code: string): StepId {
  into.intake[field] = code;
  return "health";
}

function setDetail(into: MappedIssues, field: DetailField, code: DetailErrorCode): StepId {
  into.details[field] = code;
  return "details";
}
