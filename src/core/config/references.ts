import type { z } from "../zod";
import { formatPath, type Issue } from "../result";
import { LocalDateSchema } from "./primitives";
import { checkQuestionnaireReferences } from "./questionnaire-references";
import { isRecord, listOf, numberAt, recordsAt, stringAt, valuesAt, type ReportIssue } from "./shape";

/**
 * Checks that ids are unique and every reference points at something that exists.
 * Runs even when other parts of the config are invalid, hence the untyped input.
 */
export function checkCrossReferences(config: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  reportCrossReferences(config, (path, message) => ctx.addIssue({ code: "custom", path, message, input: undefined }));
}

/** The same checks as plain issues, for when zod skipped them (see `parseClinicConfig`). */
export function crossReferenceIssues(config: unknown): Issue[] {
  const issues: Issue[] = [];
  reportCrossReferences(config, (path, message) => issues.push({ path: formatPath(path), code: "custom", message }));
  return issues;
}

function reportCrossReferences(config: unknown, report: ReportIssue): void {
  if (!isRecord(config)) return;
  const services = checkServices(config, report);
  checkTherapists(config, services, report);
  checkDeals(config, services, report);
  checkQuestionnaireReferences(config["questionnaire"], report);
}

/** Service id → the durations (minutes) it is offered in. */
type ServiceDurations = Map<string, Set<number>>;

function checkServices(config: unknown, report: ReportIssue): ServiceDurations {
  const services: ServiceDurations = new Map();
  for (const [service, i] of recordsAt(config, "services")) {
    const id = stringAt(service, "id");
    if (id === undefined) continue;
    if (services.has(id)) report(["services", i, "id"], `duplicate service id "${id}"`);
    const durations = services.get(id) ?? new Set<number>();
    services.set(id, durations);
    const seen = new Set<number>();
    for (const [duration, j] of recordsAt(service, "durations")) {
      const minutes = numberAt(duration, "minutes");
      if (minutes === undefined) continue;
      if (seen.has(minutes)) report(["services", i, "durations", j, "minutes"], `duplicate duration ${minutes}`);
      seen.add(minutes);
      durations.add(minutes);
    }
  }
  return services;
}

function checkTherapists(config: unknown, services: ServiceDurations, report: ReportIssue): void {
  const therapistIds = new Set<string>();
  for (const [therapist, i] of recordsAt(config, "therapists")) {
    const id = stringAt(therapist, "id");
    if (id !== undefined && therapistIds.has(id)) report(["therapists", i, "id"], `duplicate therapist id "${id}"`);
    if (id !== undefined) therapistIds.add(id);
    for (const [serviceId, j] of valuesAt(therapist, "services")) {
      if (typeof serviceId === "string" && !services.has(serviceId)) {
        report(["therapists", i, "services", j], unknownMessage("service", serviceId, services.keys()));
      }
    }
  }
}

function checkDeals(config: unknown, services: ServiceDurations, report: ReportIssue): void {
  const dealIds = new Set<string>();
  const promoCodes = new Map<string, number>();
  for (const [deal, i] of recordsAt(config, "deals")) {
    const id = stringAt(deal, "id");
    if (id !== undefined && dealIds.has(id)) report(["deals", i, "id"], `duplicate deal id "${id}"`);
    if (id !== undefined) dealIds.add(id);

    const scope = deal["appliesTo"];
    const scopedServices: string[] = [];
    let scopeIsKnown = true;
    for (const [serviceId, j] of valuesAt(scope, "services")) {
      if (typeof serviceId !== "string") continue;
      if (services.has(serviceId)) scopedServices.push(serviceId);
      else report(["deals", i, "appliesTo", "services", j], unknownMessage("service", serviceId, services.keys()));
      scopeIsKnown &&= services.has(serviceId);
    }
    // A duration no service in scope is sold in can never match, so the deal would silently never apply.
    const offered = offeredDurations(services, isRecord(scope) && Array.isArray(scope["services"]) ? scopedServices : null);
    for (const [minutes, j] of valuesAt(scope, "durations")) {
      if (scopeIsKnown && typeof minutes === "number" && !offered.has(minutes)) {
        report(
          ["deals", i, "appliesTo", "durations", j],
          `expected a duration offered by the services this deal applies to (${listOf([...offered].sort((a, b) => a - b))}), got ${minutes}`,
        );
      }
    }

    const from = stringAt(deal, "validFrom");
    const until = stringAt(deal, "validUntil");
    if (from !== undefined && until !== undefined && isRealDate(from) && isRealDate(until) && from > until) {
      report(["deals", i, "validUntil"], `expected validUntil on or after validFrom (${from}), got "${until}"`);
    }

    const code = stringAt(deal, "code")?.trim().toUpperCase();
    if (code !== undefined && code !== "") {
      const first = promoCodes.get(code);
      // Codes match case-insensitively, so two deals sharing one would be ambiguous.
      if (first !== undefined) report(["deals", i, "code"], `duplicate promo code "${code}", already used by deals[${first}]`);
      else promoCodes.set(code, i);
    }
  }
}

function isRealDate(value: string): boolean {
  return LocalDateSchema.safeParse(value).success;
}

function offeredDurations(services: ServiceDurations, only: string[] | null): Set<number> {
  const offered = new Set<number>();
  for (const [id, durations] of services) {
    if (only === null || only.includes(id)) durations.forEach((m) => offered.add(m));
  }
  return offered;
}

function unknownMessage(kind: string, id: string, known: Iterable<string>): string {
  return `unknown ${kind} "${id}"; known: ${listOf(known)}`;
}
