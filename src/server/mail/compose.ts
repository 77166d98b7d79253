import type { ClinicConfig } from "../../core/config";
import { languageOf, resolveText } from "../../core/locale";
import { clinicDateTime, formatMoney, serviceName } from "../text";
import { renderHtml, renderText, type Block } from "./blocks";
import type { BookingNotice } from "./notice";
import { MAIL_TEXTS } from "./texts";
import { CHANGE_TEXTS } from "./change-texts";
import type { MailMessage } from "./transport";

export interface Envelope {
  /** Sender address; the clinic's own address when not configured. */
  from: string;
}

/** The client's confirmation: when, where, price, the cancellation policy and the .ics. */
export function clientConfirmation(config: ClinicConfig, notice: BookingNotice, ics: string, envelope: Envelope): MailMessage {
  const language = languageOf(notice.locale) ?? "en";
  const t = MAIL_TEXTS[language];
  const locale = notice.locale;
  const { clinic, policies } = config;
  const blocks: Block[] = [
    { kind: "paragraph", text: t.greeting(notice.client.name) },
    { kind: "paragraph", text: t.confirmed(clinic.name) },
    {
      kind: "fields",
      rows: [
        [t.reference, notice.reference],
        [t.service, `${serviceName(config, notice.serviceId, locale)}, ${t.minutes(notice.minutes)}`],
        [t.total, formatMoney(notice.total, notice.currency, locale)],
      ],
    },
    { kind: "list", title: t.sessions, items: notice.sessions.map((s) => clinicDateTime(s.start, config, locale)) },
    {
      kind: "fields",
      rows: [
        [t.where, `${clinic.name}\n${postalAddress(config)}`],
        [t.phone, clinic.phone],
        [t.email, clinic.email],
      ],
    },
    { kind: "section", title: t.cancellation, text: resolveText(policies.cancellation, locale, config.locales) },
  ];
  if (policies.preparation) {
    blocks.push({ kind: "section", title: t.preparation, text: resolveText(policies.preparation, locale, config.locales) });
  }
  blocks.push({ kind: "paragraph", text: t.calendarAttached });
  if (notice.calendarUrl) blocks.push({ kind: "link", label: t.calendarLink, url: notice.calendarUrl });
  if (notice.manageUrl) blocks.push({ kind: "link", label: CHANGE_TEXTS[language].manageLink, url: notice.manageUrl });

  return {
    from: envelope.from,
    to: notice.client.email,
    replyTo: clinic.email,
    subject: t.confirmationSubject(clinic.name, notice.reference),
    text: renderText(blocks),
    html: renderHtml(blocks, language),
    attachments: [
      {
        filename: `appointment-${notice.reference}.ics`,
        content: ics,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      },
    ],
  };
}

/** Tells the clinic a booking is waiting: the flag level and a link, never the answers. */
export function clinicNotice(config: ClinicConfig, notice: BookingNotice, envelope: Envelope): MailMessage {
  const locale = config.locales[0] ?? "en";
  const t = MAIL_TEXTS[languageOf(locale) ?? "en"];
  const first = notice.sessions[0];
  const rows: [string, string][] = [
    [t.reference, notice.reference],
    [t.flag, notice.outcome],
    [t.service, `${serviceName(config, notice.serviceId, locale)}, ${t.minutes(notice.minutes)}`],
  ];
  if (first) rows.push([t.firstSession, clinicDateTime(first.start, config, locale)]);
  rows.push([t.sessionCount, String(notice.sessions.length)]);
  const blocks: Block[] = [
    { kind: "paragraph", text: t.clinicIntro },
    { kind: "fields", rows },
    { kind: "link", label: t.openInbox, url: notice.inboxUrl },
    { kind: "paragraph", text: t.noHealthData },
  ];
  return clinicMessage(config, envelope, t.clinicSubject(notice.reference, notice.outcome), blocks, locale);
}

/**
 * A call-back request: who to call. The client's note is free text that may describe their
 * health, so it stays in the inbox.
 */
export function callbackNotice(config: ClinicConfig, notice: BookingNotice, envelope: Envelope): MailMessage {
  const locale = config.locales[0] ?? "en";
  const t = MAIL_TEXTS[languageOf(locale) ?? "en"];
  const blocks: Block[] = [
    { kind: "paragraph", text: t.callbackIntro },
    {
      kind: "fields",
      rows: [
        [t.reference, notice.reference],
        [t.name, notice.client.name],
        [t.phone, notice.client.phone],
        [t.flag, notice.outcome],
      ],
    },
    { kind: "link", label: t.openInbox, url: notice.inboxUrl },
    { kind: "paragraph", text: t.noHealthData },
  ];
  return clinicMessage(config, envelope, t.callbackSubject(notice.reference), blocks, locale);
}

export function clinicMessage(config: ClinicConfig, envelope: Envelope, subject: string, blocks: Block[], locale: string): MailMessage {
  return {
    from: envelope.from,
    to: config.clinic.email,
    subject,
    text: renderText(blocks),
    html: renderHtml(blocks, languageOf(locale) ?? "en"),
  };
}

export function postalAddress(config: ClinicConfig): string {
  const { line1, line2, city, region, postalCode } = config.clinic.address;
  return [line1, line2, [city, region, postalCode].filter(Boolean).join(" ")].filter(Boolean).join("\n");
}
