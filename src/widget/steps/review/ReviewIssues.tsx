import { useEffect } from "preact/hooks";
import { reviewIssueMessages } from "../../models/server-issues";
import { useT, useWidget } from "../../ui/context";

/** What the receiver refused that no field owns, in the widget's words, announced like a failure. */
export function ReviewIssues() {
  const { model, announcer } = useWidget();
  const t = useT();
  const phone = model.config.clinic.phone;
  const messages = reviewIssueMessages(model.reviewIssues.value).map((key) => t.t(key, { phone }));
  const spoken = messages.join(" ");

  useEffect(() => {
    if (spoken) announcer.say(spoken);
  }, [spoken]);

  return (
    <>
      {messages.map((message) => (
        <p class="cb-notice cb-notice--danger" part="error" key={message}>
          {message}
        </p>
      ))}
    </>
  );
}
