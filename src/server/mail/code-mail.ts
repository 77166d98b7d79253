import type { ClinicConfig } from "../../core/config";
import { languageOf, type Language } from "../../core/locale";
import { describeError, type Logger } from "../log";
import { renderHtml, renderText, type Block } from "./blocks";
import type { Mailer, MailMessage } from "./transport";

/** A one-time code to send: the address, the language, the code. Nothing else about the client. */
export interface CodeMail {
  to: string;
  locale: string;
  code: string;
  validMinutes: number;
}

export interface CodeMailer {
  /** Queues the message; never throws, never waits, so every address costs the caller the same. */
  send(mail: CodeMail): void;
  /** Resolves once every queued message was sent or failed (shutdown and tests). */
  idle(): Promise<void>;
}

interface CodeTexts {
  subject: (clinic: string) => string;
  intro: (clinic: string) => string;
  code: string;
  validity: (minutes: number) => string;
  ignore: string;
}

const CODE_TEXTS: Record<Language, CodeTexts> = {
  en: {
    subject: (clinic) => `Your code for ${clinic}`,
    intro: (clinic) => `Here is the code to confirm your email address when you book with ${clinic}.`,
    code: "Your code",
    validity: (minutes) => `It is valid for ${minutes} minutes and can be used once.`,
    ignore: "If you did not ask for it, ignore this email: nothing happens without the code.",
  },
  fr: {
    subject: (clinic) => `Votre code pour ${clinic}`,
    intro: (clinic) => `Voici le code qui confirme votre adresse courriel pour réserver chez ${clinic}.`,
    code: "Votre code",
    validity: (minutes) => `Il est valable ${minutes} minutes et ne sert qu'une fois.`,
    ignore: "Si vous ne l'avez pas demandé, ignorez ce courriel : rien ne se passe sans le code.",
  },
};

export function codeMessage(config: ClinicConfig, mail: CodeMail, from: string): MailMessage {
  const language = languageOf(mail.locale) ?? "en";
  const t = CODE_TEXTS[language];
  const blocks: Block[] = [
    { kind: "paragraph", text: t.intro(config.clinic.name) },
    { kind: "fields", rows: [[t.code, mail.code]] },
    { kind: "paragraph", text: t.validity(mail.validMinutes) },
    { kind: "paragraph", text: t.ignore },
  ];
  return {
    from,
    to: mail.to,
    replyTo: config.clinic.email,
    subject: t.subject(config.clinic.name),
    text: renderText(blocks),
    html: renderHtml(blocks, language),
  };
}

export function createCodeMailer(options: { config: ClinicConfig; mailer: Mailer; log: Logger; from?: string | undefined }): CodeMailer {
  const from = options.from ?? options.config.clinic.email;
  const pending = new Set<Promise<void>>();
  return {
    send(mail) {
      // After the answer, like the booking emails: the route's timing never depends on the mail server.
      const job = new Promise<void>((resolve) => {
        setImmediate(() => {
          options.mailer
            .send(codeMessage(options.config, mail, from))
            .catch((error: unknown) => options.log({ event: "code-mail-failed", error: describeError(error) }))
            .finally(resolve);
        });
      });
      pending.add(job);
      void job.finally(() => pending.delete(job));
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
