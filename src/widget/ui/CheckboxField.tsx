import type { ComponentChildren } from "preact";
import { ErrorText } from "./ErrorText";
import { describedBy, useIds } from "./ids";

interface CheckboxFieldProps {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  /** Extra text (e.g. the policy itself) the checkbox refers to. */
  describedById?: string | undefined;
  required?: boolean;
}

/** A single checkbox whose whole label is clickable, with its error linked. */
export function CheckboxField({ label, checked, onChange, error, describedById, required = false }: CheckboxFieldProps) {
  const id = useIds();
  const errorId = error ? id("error") : undefined;
  return (
    <div class={`cb-field cb-field--checkbox${error ? " cb-field--invalid" : ""}`} part="field">
      <label class="cb-choice cb-choice--consent">
        <input
          type="checkbox"
          checked={checked}
          aria-invalid={error ? "true" : undefined}
          aria-required={required ? "true" : undefined}
          aria-describedby={describedBy(errorId, describedById)}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {error && <ErrorText id={errorId} text={error} />}
    </div>
  );
}
