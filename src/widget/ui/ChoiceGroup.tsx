import type { ComponentChildren } from "preact";
import { useT } from "./context";
import { ErrorText } from "./ErrorText";
import { describedBy, useIds } from "./ids";

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  legend: ComponentChildren;
  type: "radio" | "checkbox";
  options: readonly Choice[];
  isChecked: (value: string) => boolean;
  onChange: (value: string, checked: boolean) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** Lays the options side by side (yes/no, scales). */
  inline?: boolean;
}

/** Radios or checkboxes in a fieldset; the legend names the group for screen readers. */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const t = useT();
  const id = useIds();
  const hintId = props.hint ? id("hint") : undefined;
  const errorId = props.error ? id("error") : undefined;
  const name = id("choice");
  const required = props.required ?? false;
  return (
    <fieldset
      class={`cb-fieldset${props.error ? " cb-field--invalid" : ""}`}
      part="field"
      aria-describedby={describedBy(errorId, hintId)}
    >
      <legend class="cb-label">
        {props.legend}
        {!required && <span class="cb-optional"> ({t.t("common.optional")})</span>}
      </legend>
      {props.hint && (
        <p class="cb-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div class={`cb-choices${props.inline ? " cb-choices--inline" : props.options.length > 6 ? " cb-choices--many" : ""}`}>
        {props.options.map((option) => (
          <label class="cb-choice" key={option.value}>
            <input
              type={props.type}
              name={name}
              value={option.value}
              checked={props.isChecked(option.value)}
              aria-invalid={props.error ? "true" : undefined}
              onChange={(event) => props.onChange(option.value, event.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {props.error && <ErrorText id={errorId} text={props.error} />}
    </fieldset>
  );
}
