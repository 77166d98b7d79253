import { useEffect, useRef } from "preact/hooks";
import { useT, useWidget } from "../../ui/context";
import { Field } from "../../ui/Field";
import { afterRender } from "../../ui/focus";

/**
 * The one-time code step: the email, then the six digits sent to it. Errors are said in the live
 * region and shown under the field, which keeps the focus; nothing typed elsewhere is touched.
 */
export function ClientCode() {
  const { model, announcer } = useWidget();
  const t = useT();
  const { returning } = model;
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const phase = returning.phase.value;
  const failure = returning.error.value;
  const message = failure ? t.t(`clientCode.error.${failure}`, { seconds: String(returning.retryAfterSeconds.value) }) : undefined;

  const firstRender = useRef(true);
  useEffect(() => {
    // Shown because the client said "No" to the first-visit question: the focus stays on that choice
    // (arrow keys move through it). Opened by its own button, or moved to the next field: it follows.
    const opened = returning.open.peek();
    if (firstRender.current && !opened) {
      firstRender.current = false;
      return;
    }
    firstRender.current = false;
    afterRender(() => (phase === "code" ? codeInput : emailInput).current?.focus());
  }, [phase]);

  const sendCode = async () => {
    if (await returning.requestCode()) announcer.say(t.t("clientCode.sent", { email: returning.sentTo.value ?? "" }));
    else sayFailure();
  };
  const verify = async () => {
    if (!(await returning.verify())) sayFailure();
  };
  const sayFailure = () => {
    const reason = returning.error.value;
    if (reason) announcer.say(t.t(`clientCode.error.${reason}`, { seconds: String(returning.retryAfterSeconds.value) }));
  };
  const onEnter = (run: () => void) => (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    run();
  };

  if (phase === "email") {
    return (
      <div class="cb-client-code" part="field">
        <Field label={t.t("clientCode.email")} hint={t.t("clientCode.email.help")} error={message}>
          {(a11y) => (
            <input
              {...a11y}
              ref={emailInput}
              class="cb-input"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellcheck={false}
              value={returning.email.value}
              onInput={(e) => returning.setEmail(e.currentTarget.value)}
              onKeyDown={onEnter(() => void sendCode())}
            />
          )}
        </Field>
        <button type="button" class="cb-button cb-button--secondary" part="button" disabled={returning.sending.value} onClick={() => void sendCode()}>
          {t.t("clientCode.send")}
        </button>
      </div>
    );
  }
  return (
    <div class="cb-client-code" part="field">
      <p>{t.t("clientCode.sent", { email: returning.sentTo.value ?? "" })}</p>
      <Field label={t.t("clientCode.code")} hint={t.t("clientCode.code.help")} error={message}>
        {(a11y) => (
          <input
            {...a11y}
            ref={codeInput}
            class="cb-input cb-input--short"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            spellcheck={false}
            value={returning.code.value}
            onInput={(e) => returning.setCode(e.currentTarget.value)}
            onKeyDown={onEnter(() => void verify())}
          />
        )}
      </Field>
      <div class="cb-inline">
        <button type="button" class="cb-button cb-button--secondary" part="button" disabled={returning.sending.value} onClick={() => void verify()}>
          {t.t("clientCode.verify")}
        </button>
        <button type="button" class="cb-button cb-button--link" part="button" disabled={returning.sending.value} onClick={() => void sendCode()}>
          {t.t("clientCode.resend")}
        </button>
        <button type="button" class="cb-button cb-button--link" part="button" onClick={() => returning.changeEmail()}>
          {t.t("clientCode.changeEmail")}
        </button>
      </div>
    </div>
  );
}
