import { useEffect } from "preact/hooks";
import { useT, useWidget } from "../../ui/context";

/** Why sending failed, that nothing is lost, and a way to try again with the same booking key. */
export function SubmitFailure() {
  const { model, announcer } = useWidget();
  const t = useT();
  const failure = model.submission.failure.value;
  const message = failure ? t.t(`failure.${failure.reason}`, { phone: model.config.clinic.phone }) : "";

  useEffect(() => {
    if (message) announcer.say(`${message} ${t.t("failure.kept")}`);
  }, [message]);

  if (!failure) return null;
  return (
    <div class="cb-notice cb-notice--danger" part="error">
      <p>{message}</p>
      <p>{t.t("failure.kept")}</p>
    </div>
  );
}
