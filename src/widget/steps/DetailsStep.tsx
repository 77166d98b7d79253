import { useT, useWidget } from "../ui/context";
import { Field } from "../ui/Field";
import { StepFrame } from "../ui/StepFrame";
import { CALLBACK_NOTE_MAX } from "../models/details";
import { ConsentFields } from "./details/ConsentFields";
import { Honeypot } from "./details/Honeypot";

export function DetailsStep() {
  const { model } = useWidget();
  const t = useT();
  const { details } = model;
  const errors = details.errors.value;
  const isCallback = model.flow.kind.value === "callback";
  const error = (field: keyof typeof errors) => {
    const code = errors[field];
    return code ? t.t(`detailsError.${code}`) : undefined;
  };
  return (
    <StepFrame
      title={isCallback ? t.t("details.callbackHeading") : t.t("details.heading")}
      intro={<p>{isCallback ? t.t("details.callbackIntro") : t.t("details.intro")}</p>}
    >
      <Field label={t.t("details.name")} required error={error("name")}>
        {(a11y) => (
          <input
            {...a11y}
            class="cb-input"
            type="text"
            name="name"
            autoComplete="name"
            value={details.name.value}
            onInput={(e) => details.set("name", e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t.t("details.email")} required error={error("email")}>
        {(a11y) => (
          <input
            {...a11y}
            class="cb-input"
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            spellcheck={false}
            value={details.email.value}
            onInput={(e) => details.set("email", e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t.t("details.phone")} hint={t.t("details.phone.help")} required error={error("phone")}>
        {(a11y) => (
          <input
            {...a11y}
            class="cb-input"
            type="tel"
            name="tel"
            autoComplete="tel"
            value={details.phone.value}
            onInput={(e) => details.set("phone", e.currentTarget.value)}
          />
        )}
      </Field>
      {isCallback && (
        <Field label={t.t("details.callbackNote")} error={error("callbackNote")}>
          {(a11y) => (
            <textarea
              {...a11y}
              class="cb-input cb-input--multiline"
              rows={3}
              maxLength={CALLBACK_NOTE_MAX}
              value={details.callbackNote.value}
              onInput={(e) => details.set("callbackNote", e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <ConsentFields />
      <Honeypot />
    </StepFrame>
  );
}
