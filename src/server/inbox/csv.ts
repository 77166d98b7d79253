import type { ClinicConfig } from "../../core/config";
import { decimalAmount } from "../../core/pricing";
import type { BookingDetail } from "../store/types";
import { clinicDateTime, serviceName, therapistName } from "../text";
import { areaLabels } from "./intake-view";

const COLUMNS = [
  "reference",
  "received",
  "kind",
  "status",
  "flag",
  "reasons",
  "areas_to_avoid",
  "client_name",
  "client_email",
  "client_phone",
  "new_client",
  "service",
  "minutes",
  "therapist",
  "sessions",
  "currency",
  "list_total",
  "discount_total",
  "total",
] as const;

/**
 * The inbox list as CSV (RFC 4180, CRLF, UTF-8 with a BOM so spreadsheets read accents). Flags,
 * reason codes and areas come along; the answers themselves stay in the inbox.
 */
export function bookingsCsv(config: ClinicConfig, bookings: readonly BookingDetail[]): string {
  const locale = config.locales[0] ?? "en";
  const rows = bookings.map((b) => [
    b.reference,
    b.createdAt,
    b.kind,
    b.status,
    b.outcome,
    b.intake.reasons.map((r) => r.reason).join("; "),
    areaLabels(config, b.intake.areasToAvoid).join("; "),
    b.client.name,
    b.client.email,
    b.client.phone,
    b.client.isNewClient ? "yes" : "no",
    serviceName(config, b.serviceId, locale),
    String(b.minutes),
    therapistName(config, b.therapistId),
    b.sessions.map((s) => clinicDateTime(s.start, config, locale)).join("; "),
    b.currency,
    decimalAmount(b.listTotal, b.currency),
    decimalAmount(b.discountTotal, b.currency),
    decimalAmount(b.total, b.currency),
  ]);
  return `\uFEFF${[[...COLUMNS], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * One quoted cell. A client controls their name and phone; a cell a spreadsheet would read as a
 * formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe so it stays text.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}
