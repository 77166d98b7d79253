import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingSchema, type BookingRequestInput } from "../../src/core/booking";
import { startServer, type RunningServer } from "../../src/server/server";
import { icsLines } from "./fixtures/manage";
import { SECRET_ANSWER, SLOT, SLOT_NEXT_WEEK, bookingRequest, serverConfig } from "./fixtures/server-config";
import { serverSettings } from "./fixtures/server-harness";

let dir: string;
let server: RunningServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "manage-mail-"));
  server = await startServer({ config: serverConfig(), ...serverSettings(dir, { publicUrl: "https://book.harbour.example" }) });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function outbox(): Promise<{ raw: string; mail: ParsedMail }[]> {
  await server.notifier.idle();
  const folder = join(dir, "outbox");
  const files = readdirSync(folder).sort();
  return Promise.all(files.map(async (file) => {
    const raw = readFileSync(join(folder, file), "utf8");
    return { raw, mail: await simpleParser(raw) };
  }));
}

const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, "");
const manageLinkIn = (mail: ParsedMail) => /https:\/\/book\.harbour\.example\/manage#token=[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0] ?? "";
const recipients = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value.map((v) => v.address) ?? []);

async function book(overrides: Partial<BookingRequestInput> = {}) {
  const request = bookingRequest(overrides);
  const response = await fetch(`${server.url}/api/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": request.idempotencyKey },
    body: JSON.stringify(request),
  });
  return BookingSchema.parse(await response.json());
}

const call = (path: string, token: string, body?: unknown) =>
  fetch(`${server.url}/api/manage${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("emails about a booking's changes", () => {
  it("gives the confirmation a manage link of its own that opens the booking", async () => {
    const booking = await book();
    const [confirmation] = (await outbox()).filter(({ mail }) => recipients(mail).includes("jo@client.example"));
    const link = manageLinkIn(confirmation?.mail as ParsedMail);
    expect(link).not.toBe("");
    expect(tokenOf(link)).not.toBe(tokenOf(booking.manageUrl ?? ""));
    expect((await call("", tokenOf(link))).status).toBe(200);
  });

  it("sends the client a cancellation with a CANCEL .ics and a working fresh link, the clinic a notice, neither with answers", async () => {
    const booking = await book({ sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }], quotedTotal: 16500 });
    const before = (await outbox()).length;
    expect((await call("/cancel", tokenOf(booking.manageUrl ?? ""), { sessions: [1] })).status).toBe(200);
    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(2);
    for (const { raw, mail } of mails) {
      expect(raw).not.toContain(SECRET_ANSWER);
      expect(mail.text).not.toContain(SECRET_ANSWER);
    }
    const client = mails.find(({ mail }) => recipients(mail).includes("jo@client.example"))?.mail as ParsedMail;
    const clinic = mails.find(({ mail }) => recipients(mail).includes("desk@harbour.example"))?.mail as ParsedMail;
    expect(client.subject).toBe(`Your appointment at Harbour Massage Therapy is cancelled (${booking.reference})`);
    expect(clinic.subject).toBe(`Booking ${booking.reference}: cancelled by the client`);

    const ics = client.attachments.find((a) => a.filename?.endsWith(".ics"))?.content.toString("utf8") ?? "";
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.map((e) => [e.getFirstPropertyValue("uid"), e.getFirstPropertyValue("status"), e.getFirstPropertyValue("sequence")])).toEqual([
      [expect.stringMatching(new RegExp(`^${booking.reference}-1@`)), "CANCELLED", 1],
    ]);
    expect(icsLines(ics)).toEqual(expect.arrayContaining([["METHOD", "CANCEL"], ["STATUS", "CANCELLED"], ["SEQUENCE", "1"]]));

    const link = manageLinkIn(client);
    expect(tokenOf(link)).not.toBe(tokenOf(booking.manageUrl ?? ""));
    expect((await call("", tokenOf(link))).status).toBe(200);
  });

  it("writes to the client in the booking's language about a move", async () => {
    const booking = await book({ locale: "fr" });
    const before = (await outbox()).length;
    const moved = await fetch(`${server.url}/api/manage/reschedule`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokenOf(booking.manageUrl ?? "")}`, "Content-Type": "application/json", "Idempotency-Key": "reschedule-key-000001" },
      body: JSON.stringify({ changes: [{ index: 0, start: "2026-03-05T14:00:00.000Z", therapistId: "ana" }] }),
    });
    expect(moved.status).toBe(200);
    const client = (await outbox()).slice(before).find(({ mail }) => recipients(mail).includes("jo@client.example"))?.mail as ParsedMail;
    expect(client.subject).toBe(`Votre rendez-vous chez Harbour Massage Therapy est déplacé (${booking.reference})`);
    const ics = client.attachments.find((a) => a.filename?.endsWith(".ics"))?.content.toString("utf8") ?? "";
    expect(icsLines(ics)).toEqual(expect.arrayContaining([["METHOD", "PUBLISH"], ["SEQUENCE", "1"], ["DTSTART", "20260305T140000Z"]]));
  });
});

describe("the reminder loop of a running receiver", () => {
  it("sends a due reminder at start, and a restart does not send it again", async () => {
    await book();
    await server.close();
    const subjects = async () => (await outbox()).map(({ mail }) => mail.subject ?? "");
    const later = () => new Date(Date.parse(SLOT) - 10 * 3_600_000).toISOString();
    for (let restart = 0; restart < 2; restart++) {
      server = await startServer({ config: serverConfig(), ...serverSettings(dir, { publicUrl: "https://book.harbour.example", clock: later }) });
      await server.close();
    }
    const reminders = (await subjects()).filter((s) => s.startsWith("Reminder:"));
    expect(reminders).toEqual(["Reminder: your appointment at Harbour Massage Therapy"]);
    const mail = (await outbox()).find(({ mail }) => mail.subject?.startsWith("Reminder:"));
    expect(mail?.raw).not.toContain(SECRET_ANSWER);
    expect(manageLinkIn(mail?.mail as ParsedMail)).not.toBe("");
  });
});
