import type { z } from "../zod";
import type { Deal } from "./deals";
import type { Questionnaire } from "./questionnaire";

interface ReferencedConfig {
  services: { id: string; durations: { minutes: number }[] }[];
  therapists: { id: string; services: string[] }[];
  deals: Deal[];
  questionnaire?: Questionnaire | undefined;
}

type Ctx = z.core.$RefinementCtx<ReferencedConfig>;

/** Checks that ids are unique and every reference points at something that exists. */
export function checkCrossReferences(config: ReferencedConfig, ctx: Ctx): void {
  const report = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: "custom", path, message, input: undefined });

  const serviceIds = new Set<string>();
  config.services.forEach((service, i) => {
    if (serviceIds.has(service.id)) report(["services", i, "id"], `duplicate service id "${service.id}"`);
    serviceIds.add(service.id);
    const seen = new Set<number>();
    service.durations.forEach((d, j) => {
      if (seen.has(d.minutes)) report(["services", i, "durations", j, "minutes"], `duplicate duration ${d.minutes}`);
      seen.add(d.minutes);
    });
  });

  const therapistIds = new Set<string>();
  config.therapists.forEach((therapist, i) => {
    if (therapistIds.has(therapist.id)) report(["therapists", i, "id"], `duplicate therapist id "${therapist.id}"`);
    therapistIds.add(therapist.id);
    therapist.services.forEach((id, j) => {
      if (!serviceIds.has(id)) report(["therapists", i, "services", j], unknown("service", id, serviceIds));
    });
  });

  const dealIds = new Set<string>();
  config.deals.forEach((deal, i) => {
    if (dealIds.has(deal.id)) report(["deals", i, "id"], `duplicate deal id "${deal.id}"`);
    dealIds.add(deal.id);
    deal.appliesTo.services?.forEach((id, j) => {
      if (!serviceIds.has(id)) report(["deals", i, "appliesTo", "services", j], unknown("service", id, serviceIds));
    });
    if (deal.validFrom && deal.validUntil && deal.validFrom > deal.validUntil) {
      report(["deals", i, "validUntil"], `expected validUntil on or after validFrom (${deal.validFrom})`);
    }
  });

  const questionnaire = config.questionnaire;
  if (!questionnaire) return;
  const sectionIds = new Set(questionnaire.sections.map((s) => s.id));
  const earlier = new Set<string>();
  questionnaire.questions.forEach((q, i) => {
    const at = ["questionnaire", "questions", i];
    if (earlier.has(q.id)) report([...at, "id"], `duplicate question id "${q.id}"`);
    if (!sectionIds.has(q.section)) report([...at, "section"], unknown("section", q.section, sectionIds));
    if (q.visibleIf && !earlier.has(q.visibleIf.question)) {
      report([...at, "visibleIf", "question"], `expected the id of an earlier question, got "${q.visibleIf.question}"`);
    }
    earlier.add(q.id);
  });
}

function unknown(kind: string, id: string, known: Set<string>): string {
  return `unknown ${kind} "${id}"; known: ${[...known].map((k) => `"${k}"`).join(", ") || "none"}`;
}
