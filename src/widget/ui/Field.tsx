import type { ComponentChildren } from "preact";
import { useT } from "./context";
import { ErrorText } from "./ErrorText";
import { describedBy, useIds } from "./ids";

export interface ControlA11y {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
  "aria-required"?: "true";
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  children: (a11y: ControlA11y) => ComponentChildren;
}

/** One labelled control with its hint and error, the error linked by aria-describedby. */
export function Field({ label, hint, error, required = false, children }: FieldProps) {
  const t = useT();
  const id = useIds();
  const hintId = hint ? id("hint") : undefined;
  const errorId = error ? id("error") : undefined;
  const a11y: ControlA11y = { id: id("control") };
  const described = describedBy(errorId, hintId);
  if (described) a11y["aria-describedby"] = described;
  if (error) a11y["aria-invalid"] = "true";
  if (required) a11y["aria-required"] = "true";
  return (
    <div class={`cb-field${error ? " cb-field--invalid" : ""}`} part="field">
      <label class="cb-label" for={a11y.id}>
        {label}
        {!required && <span class="cb-optional"> ({t.t("common.optional")})</span>}
      </label>
      {hint && (
        <p class="cb-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children(a11y)}
      {error && <ErrorText id={errorId} text={error} />}
    </div>
  );
}
