/**
 * What the receiver may log. The shapes are closed on purpose: no field can hold a request body,
 * an answer or a note, so health data cannot end up in a log file by accident.
 */
export type LogEntry =
  | { event: "request"; method: string; path: string; status: number; ms: number; bookingId?: string }
  | { event: "mail-failed"; bookingId: string; mail: string; error: string }
  /** A one-time code email that could not be sent; the address is never logged. */
  | { event: "code-mail-failed"; error: string }
  | { event: "server-error"; method: string; path: string; error: string }
  | { event: "key-purge-failed"; error: string }
  /** Left claimed: another pass sends it once the lease has expired. */
  | { event: "reminder-failed"; bookingId: string; error: string }
  | { event: "reminders-failed"; error: string }
  /** A config key the schema ignores (a typo, or a setting of another version): its name, never its value. */
  | { event: "config-unknown-key"; key: string; path: string }
  | { event: "listening"; url: string };

export type Logger = (entry: LogEntry) => void;

export const jsonLinesLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export const silentLogger: Logger = () => {};

/** An error's name and code, without its message: messages can quote the data that caused them. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  return `${error.name}${code}`;
}
