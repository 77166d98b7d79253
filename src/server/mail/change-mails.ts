import type { ClinicConfig } from "../../core/config";
import { languageOf, resolveText } from "../../core/locale";
import { clinicDateTime, formatMoney, serviceName } from "../text";
import { renderHtml, renderText, type Block } from "./blocks";
import { CHANGE_TEXTS } from "./change-texts";
import { clinicMessage, postalAddress, type Envelope } from "./compose";
import type { ChangeNotice, ReminderNotice } from "./notice";
import { MAIL_TEXTS } from "./texts";
import type { MailMessage } from "./transport";

/** The client's confirmation of a cancellation or a move, with the updated .ics and a fresh manage link. */
export function clientChange(config: ClinicConfig, notice: ChangeNotice, envelope: Envelope): MailMessage {
  const language = languageOf(notice.locale) ?? "en";
  const t = MAIL_TEXTS[language];
  const c = CHANGE_TEXTS[language];
  const when = (instant: string) => clinicDateTime(instant, config, notice.locale);
  const cancelled = notice.kind === "cancelled";
  const blocks: Block[] = [
    { kind: "paragraph", text: t.greeting(notice.client.name) },
    { kind: "paragraph", text: cancelled ? c.cancelledIntro(config.clinic.name) : c.rescheduledIntro(config.clinic.name) },
    {
      kind: "fields",
      rows: [
        [t.reference, notice.reference],
        [t.service, `${serviceName(config, notice.serviceId, notice.locale)}, ${t.minutes(notice.minutes)}`],
        [t.total, formatMoney(notice.total, notice.currency, notice.locale)],
      ],
    },
    {
      kind: "list",
      title: cancelled ? c.cancelledSessions : c.movedSessions,
      items: notice.changed.map((s) => (s.to === null ? when(s.from) : c.movedTo(when(s.from), when(s.to)))),
    },
    { kind: "paragraph", text: c.calendarUpdate },
    { kind: "link", label: c.manageLink, url: notice.manageUrl },
    { kind: "fields", rows: [[t.phone, config.clinic.phone], [t.email, config.clinic.email]] },
  ];
  return {
    from: envelope.from,
    to: notice.client.email,
    replyTo: config.clinic.email,
    subject: cancelled ? c.cancelledSubject(config.clinic.name, notice.reference) : c.rescheduledSubject(config.clinic.name, notice.reference),
    text: renderText(blocks),
    html: renderHtml(blocks, language),
    attachments: [
      {
        filename: `appointment-${notice.reference}.ics`,
        content: notice.ics,
        contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "PUBLISH"}`,
      },
    ],
  };
}

/** Tells the clinic what changed: times and a link, never the answers. */
export function clinicChange(config: ClinicConfig, notice: ChangeNotice, envelope: Envelope): MailMessage {
  const locale = config.locales[0] ?? "en";
  const language = languageOf(locale) ?? "en";
  const t = MAIL_TEXTS[language];
  const c = CHANGE_TEXTS[language];
  const when = (instant: string) => clinicDateTime(instant, config, locale);
  const cancelled = notice.kind === "cancelled";
  const blocks: Block[] = [
    { kind: "paragraph", text: cancelled ? c.clinicCancelledIntro : c.clinicRescheduledIntro },
    { kind: "fields", rows: [[t.reference, notice.reference], [t.service, `${serviceName(config, notice.serviceId, locale)}, ${t.minutes(notice.minutes)}`]] },
    {
      kind: "list",
      title: cancelled ? c.cancelledSessions : c.movedSessions,
      items: notice.changed.map((s) => (s.to === null ? when(s.from) : c.movedTo(when(s.from), when(s.to)))),
    },
    { kind: "link", label: t.openInbox, url: notice.inboxUrl },
    { kind: "paragraph", text: t.noHealthData },
  ];
  const subject = cancelled ? c.clinicCancelledSubject(notice.reference) : c.clinicRescheduledSubject(notice.reference);
  return clinicMessage(config, envelope, subject, blocks, locale);
}

/** A session's reminder: when and where, the policy, and the manage link; nothing from the intake. */
export function reminder(config: ClinicConfig, notice: ReminderNotice, envelope: Envelope): MailMessage {
  const language = languageOf(notice.locale) ?? "en";
  const t = MAIL_TEXTS[language];
  const c = CHANGE_TEXTS[language];
  const blocks: Block[] = [
    { kind: "paragraph", text: t.greeting(notice.client.name) },
    { kind: "paragraph", text: c.reminderIntro(config.clinic.name) },
    {
      kind: "fields",
      rows: [
        [t.reference, notice.reference],
        [t.service, `${serviceName(config, notice.serviceId, notice.locale)}, ${t.minutes(notice.minutes)}`],
        [c.when, clinicDateTime(notice.start, config, notice.locale)],
        [t.where, `${config.clinic.name}\n${postalAddress(config)}`],
        [t.phone, config.clinic.phone],
      ],
    },
    { kind: "section", title: t.cancellation, text: resolveText(config.policies.cancellation, notice.locale, config.locales) },
    { kind: "link", label: c.manageLink, url: notice.manageUrl },
  ];
  return {
    from: envelope.from,
    to: notice.client.email,
    replyTo: config.clinic.email,
    subject: c.reminderSubject(config.clinic.name),
    text: renderText(blocks),
    html: renderHtml(blocks, language),
  };
}
