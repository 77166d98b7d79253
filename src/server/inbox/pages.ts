import { html } from "hono/html";
import type { ClinicConfig } from "../../core/config";
import type { BookingDetail, BookingEvent } from "../store/types";
import { clinicDateTime, formatMoney, serviceName, therapistName } from "../text";
import { answerLines, areaLabels, reasonLines } from "./intake-view";
import { page, type Fragment } from "./layout";
import { inboxOrder, isFlagged } from "./order";

const localeOf = (config: ClinicConfig) => config.locales[0] ?? "en";

function flag(outcome: string): Fragment {
  return html`<span class="flag flag-${outcome}">${outcome}</span>`;
}

export function listPage(config: ClinicConfig, bookings: readonly BookingDetail[]): Fragment {
  const locale = localeOf(config);
  const rows = inboxOrder(bookings).map((b) => {
    const first = b.sessions[0];
    const classes = [isFlagged(b.outcome) ? "flagged" : "", b.status === "cancelled" ? "cancelled" : ""].filter(Boolean).join(" ");
    return html`<tr class="${classes}">
<td>${flag(b.outcome)}</td>
<td><a href="/inbox/bookings/${encodeURIComponent(b.id)}">${b.reference}</a></td>
<td>${b.kind === "callback" ? "Call-back request" : b.status === "cancelled" ? html`<strong>cancelled</strong>` : b.status}</td>
<td>${b.client.name}</td>
<td>${serviceName(config, b.serviceId, locale)}, ${b.minutes} min</td>
<td>${first ? clinicDateTime(first.start, config, locale) : "—"}${b.sessions.length > 1 ? ` (+${b.sessions.length - 1})` : ""}</td>
<td>${clinicDateTime(b.createdAt, config, locale)}</td>
</tr>`;
  });
  return page(
    `Bookings inbox (${bookings.length})`,
    html`<h1>Bookings</h1>
${bookings.length === 0
  ? html`<p>No bookings yet.</p>`
  : html`<table>
<caption>Flagged screenings first, newest first within each group.</caption>
<thead><tr><th scope="col">Flag</th><th scope="col">Reference</th><th scope="col">Status</th><th scope="col">Client</th><th scope="col">Service</th><th scope="col">First session</th><th scope="col">Received</th></tr></thead>
<tbody>${rows}</tbody>
</table>`}`,
    { signedIn: true },
  );
}

export function detailPage(config: ClinicConfig, b: BookingDetail): Fragment {
  const locale = localeOf(config);
  const money = (amount: number) => formatMoney(amount, b.currency, locale);
  const reasons = reasonLines(config, b.intake.reasons);
  const areas = areaLabels(config, b.intake.areasToAvoid);
  const answers = answerLines(config, b.intake.answers);
  return page(
    `Booking ${b.reference}`,
    html`<h1>Booking ${b.reference} ${flag(b.outcome)}</h1>
<dl>
<dt>Status</dt><dd>${b.kind === "callback" ? "Call-back request" : b.status}</dd>
<dt>Received</dt><dd>${clinicDateTime(b.createdAt, config, locale)}</dd>
<dt>Client</dt><dd>${b.client.name}${b.client.isNewClient ? " (new client)" : ""}</dd>
<dt>Email</dt><dd>${b.client.email}</dd>
<dt>Phone</dt><dd>${b.client.phone}</dd>
<dt>Service</dt><dd>${serviceName(config, b.serviceId, locale)}, ${b.minutes} min</dd>
<dt>Therapist</dt><dd>${therapistName(config, b.therapistId) || "—"}</dd>
${b.kind === "booking"
  ? html`<dt>Total</dt><dd>${money(b.total)}${b.discountTotal > 0 ? ` (list ${money(b.listTotal)}, deal ${b.dealId ?? ""})` : ""}</dd>`
  : ""}
</dl>
${b.sessions.length > 0
  ? html`<h2>Sessions</h2><ol>${b.sessions.map((s) =>
      s.status === "cancelled"
        ? html`<li class="cancelled"><del>${clinicDateTime(s.start, config, locale)}</del> (cancelled)</li>`
        : html`<li>${clinicDateTime(s.start, config, locale)} with ${therapistName(config, s.therapistId)}: ${money(s.price)}</li>`,
    )}</ol>`
  : ""}
${b.events.length > 0
  ? html`<h2>History</h2><ol class="history">${b.events.map((e) => html`<li>${clinicDateTime(e.at, config, locale)}: ${eventLine(config, e, locale)}</li>`)}</ol>`
  : ""}
${b.intake.callbackNote ? html`<h2>Call-back note</h2><p>${b.intake.callbackNote}</p>` : ""}
<h2>Screening</h2>
${reasons.length === 0
  ? html`<p>No screening rule matched.</p>`
  : html`<table><thead><tr><th scope="col">Question</th><th scope="col">Reason</th><th scope="col">Outcome</th></tr></thead>
<tbody>${reasons.map((r) => html`<tr><td>${r.question}</td><td>${r.reason}</td><td>${flag(r.outcome)}</td></tr>`)}</tbody></table>`}
<h3>Areas to avoid</h3>
<p>${areas.length > 0 ? areas.join(", ") : "None recorded."}</p>
${b.intake.clearanceConfirmed ? html`<p>The client confirmed a physician's clearance.</p>` : ""}
<h2>Health history (${b.intake.mode === "update" ? "update since last visit" : "full form"})</h2>
${answers.length === 0
  ? html`<p>No answers.</p>`
  : html`<table><thead><tr><th scope="col">Section</th><th scope="col">Question</th><th scope="col">Answer</th></tr></thead>
<tbody>${answers.map((a) => html`<tr><td>${a.section}</td><td>${a.question}</td><td>${a.answer}</td></tr>`)}</tbody></table>`}
<h2>Consent</h2>
<p>Health data processing consented at ${b.intake.consent.healthDataAt || "—"}.${b.intake.consent.sensitiveAreas.length > 0
  ? ` Sensitive areas consented: ${areaLabels(config, b.intake.consent.sensitiveAreas).join(", ")}.`
  : ""}</p>`,
    { signedIn: true },
  );
}

/** One change in the booking's history, from its detail (sessions and times only). */
function eventLine(config: ClinicConfig, event: BookingEvent, locale: string): string {
  const who = event.actor === "client" ? "the client" : "the clinic";
  const sessions = Array.isArray(event.detail.sessions) ? (event.detail.sessions as unknown[]) : [];
  if (event.kind === "cancelled") return `cancelled by ${who}: session ${sessions.map((i) => Number(i) + 1).join(", ")}`;
  const moves = sessions.map((m) => {
    const move = m as { index?: number; from?: string; to?: string };
    const from = move.from ? clinicDateTime(move.from, config, locale) : "?";
    const to = move.to ? clinicDateTime(move.to, config, locale) : "?";
    return `session ${(move.index ?? 0) + 1} from ${from} to ${to}`;
  });
  return `moved by ${who}: ${moves.join("; ")}`;
}

export function notFoundPage(): Fragment {
  return page("Not found", html`<h1>Not found</h1><p><a href="/inbox">Back to the inbox</a></p>`, { signedIn: true });
}
