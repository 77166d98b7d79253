import { useT, useWidget } from "../ui/context";
import { StepFrame } from "../ui/StepFrame";
import { FirstVisit } from "./health/FirstVisit";
import { QuestionField } from "./health/QuestionField";
import { TriagePanel } from "./health/TriagePanel";

export function HealthStep() {
  const { model } = useWidget();
  const t = useT();
  const { intake } = model;
  const answers = intake.answers.value;
  const errors = intake.errors.value;
  const today = model.today();
  const errorText = (code: string | undefined) => (code ? (t.maybe(`intakeError.${code}`) ?? t.t("intakeError.server")) : undefined);
  return (
    <StepFrame
      title={t.t("health.heading")}
      intro={<p>{t.t("health.intro", { clinic: model.config.clinic.name })}</p>}
    >
      <FirstVisit />
      {intake.sections.value.map(({ section, questions }) => (
        <div class="cb-section" key={section.id}>
          <h3 class="cb-section__title">{t.text(section.title)}</h3>
          {section.intro && <p class="cb-section__intro">{t.text(section.intro)}</p>}
          {questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={errorText(errors[q.id])}
              today={today}
              onAnswer={(value) => intake.setAnswer(q.id, value)}
            />
          ))}
        </div>
      ))}
      {intake.isNewClient.value !== null && <TriagePanel result={intake.triage.value} />}
    </StepFrame>
  );
}
