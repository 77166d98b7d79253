import type { ClinicConfig } from "../../core/config";
import { calendarFile } from "../booking/calendar";
import { describeError, type Logger } from "../log";
import { callbackNotice, clientConfirmation, clinicNotice } from "./compose";
import { clientChange, clinicChange, reminder } from "./change-mails";
import type { BookingNotice, ChangeNotice, ReminderNotice } from "./notice";
import type { Mailer, MailMessage } from "./transport";

export interface Notifier {
  /** Queues the emails of a booking that is already committed; never throws, never waits. */
  bookingCreated(notice: BookingNotice): void;
  /** Queues the client's and the clinic's emails about a committed change; never throws, never waits. */
  bookingChanged(notice: ChangeNotice): void;
  /** Sends one reminder; resolves once it is handed to the mailer, rejects if that failed (so it is retried). */
  sendReminder(notice: ReminderNotice): Promise<void>;
  /** Resolves once every queued email was sent or failed (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface NotifierOptions {
  config: ClinicConfig;
  mailer: Mailer;
  log: Logger;
  /** Sender address; defaults to the clinic's own. */
  from?: string | undefined;
}

export function createNotifier({ config, mailer, log, from }: NotifierOptions): Notifier {
  const envelope = { from: from ?? config.clinic.email };
  const pending = new Set<Promise<void>>();

  const deliver = async (notice: { id: string }, name: string, build: () => MailMessage): Promise<void> => {
    try {
      await mailer.send(build());
    } catch (error) {
      // The booking stands whatever happens here; the clinic sees it in the inbox anyway.
      log({ event: "mail-failed", bookingId: notice.id, mail: name, error: describeError(error) });
    }
  };

  const messagesOf = (notice: BookingNotice): Promise<void>[] => {
    if (notice.kind === "callback") {
      return [deliver(notice, "callback-notice", () => callbackNotice(config, notice, envelope))];
    }
    if (notice.status !== "confirmed") return [];
    return [
      deliver(notice, "client-confirmation", () => clientConfirmation(config, notice, calendarFile(config, notice), envelope)),
      deliver(notice, "clinic-notice", () => clinicNotice(config, notice, envelope)),
    ];
  };

  // setImmediate: the HTTP answer goes out first; mail never delays or fails the booking.
  const queue = (messages: () => Promise<void>[]) => {
    const job = new Promise<void>((resolve) => {
      setImmediate(() => {
        void Promise.all(messages()).then(() => resolve());
      });
    });
    pending.add(job);
    void job.finally(() => pending.delete(job));
  };

  return {
    bookingCreated(notice) {
      queue(() => messagesOf(notice));
    },
    bookingChanged(notice) {
      queue(() => [
        deliver(notice, `client-${notice.kind}`, () => clientChange(config, notice, envelope)),
        deliver(notice, `clinic-${notice.kind}`, () => clinicChange(config, notice, envelope)),
      ]);
    },
    async sendReminder(notice) {
      await mailer.send(reminder(config, notice, envelope));
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
