import { calendarLinks, type Confirmation } from "../../models/confirmation";
import { useT, useWidget } from "../../ui/context";

/** Each booked session with its own add-to-Google and add-to-Outlook links. */
export function SessionList({ confirmation, serviceName }: { confirmation: Confirmation; serviceName: string }) {
  const { model } = useWidget();
  const t = useT();
  const zone = model.config.timeZone;
  const links = calendarLinks({ config: model.config, confirmation, serviceName, locale: t.locale });
  return (
    <ul class="cb-sessions">
      {links.map((link) => {
        const when = t.dateTime(link.start, zone);
        return (
          <li key={link.start}>
            <span class="cb-sessions__when">
              {t.t("confirm.session", { when, service: serviceName, minutes: confirmation.minutes })}
            </span>
            <a
              href={link.google}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t.t("confirm.calendarFor", { link: t.t("confirm.google"), when })}
            >
              {t.t("confirm.googleShort")}
            </a>
            <a
              href={link.outlook}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t.t("confirm.calendarFor", { link: t.t("confirm.outlook"), when })}
            >
              {t.t("confirm.outlookShort")}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
