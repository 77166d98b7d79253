import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BookingSchema, type BookingRequestInput } from "../../src/core/booking";
import type { LogEntry } from "../../src/server/log";
import { startServer, type RunningServer } from "../../src/server/server";
import { HEALTHY, NOW, SECRET_ANSWER, SECRET_NOTE, SLOT, SLOT_NEXT_WEEK, bookingRequest, callbackRequest, serverConfigInput } from "./fixtures/server-config";
import { INBOX_TOKEN } from "./fixtures/server-harness";

interface Received {
  raw: string;
  mail: ParsedMail;
  to: string[];
}

let smtp: SMTPServer;
let smtpPort: number;
let received: Received[] = [];
let refuseRecipients = false;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuseRecipients ? new Error("mailbox unavailable") : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((mail) => {
            received.push({ raw, mail, to: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let dir: string;
let server: RunningServer | undefined;
let logs: LogEntry[] = [];

async function start(smtpUrl: string | undefined): Promise<RunningServer> {
  dir = mkdtempSync(join(tmpdir(), "receiver-mail-"));
  const configPath = join(dir, "clinic.json");
  writeFileSync(configPath, JSON.stringify(serverConfigInput));
  logs = [];
  server = await startServer({
    configPath,
    databasePath: join(dir, "bookings.sqlite"),
    port: 0,
    host: "127.0.0.1",
    inboxToken: INBOX_TOKEN,
    outboxDir: join(dir, "outbox"),
    smtpUrl,
    mailFrom: "bookings@harbour.example",
    publicUrl: "https://book.harbour.example",
    clock: () => NOW,
    log: (entry) => void logs.push(entry),
  });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  received = [];
  refuseRecipients = false;
  rmSync(dir, { recursive: true, force: true });
});

async function post(running: RunningServer, request: BookingRequestInput) {
  const response = await fetch(`${running.url}/api/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": request.idempotencyKey },
    body: JSON.stringify(request),
  });
  expect(response.status).toBe(201);
  const booking = BookingSchema.parse(await response.json());
  await running.notifier.idle();
  return booking;
}

/** Every readable form of a message: raw MIME and the decoded parts, where an answer could hide. */
function everything(r: Received): string {
  const attachments = r.mail.attachments.map((a) => a.content.toString("utf8")).join("\n");
  return [r.raw, r.mail.subject ?? "", r.mail.text ?? "", typeof r.mail.html === "string" ? r.mail.html : "", attachments].join("\n");
}

const flaggedRequest = () =>
  bookingRequest({
    sessions: [{ start: SLOT }, { start: SLOT_NEXT_WEEK }],
    quotedTotal: 16500,
    answers: { ...HEALTHY, skin: true, "skin-areas": ["left-calf"] },
  });

describe("emails over SMTP", () => {
  it("sends the client a confirmation with the .ics and the clinic a notice, neither with answers", async () => {
    const running = await start(`smtp://127.0.0.1:${smtpPort}`);
    const booking = await post(running, flaggedRequest());
    expect(received).toHaveLength(2);

    const client = received.find((r) => r.to.includes("jo@client.example"));
    const clinic = received.find((r) => r.to.includes("desk@harbour.example"));
    if (!client || !clinic) throw new Error("missing an email");

    expect(client.mail.subject).toContain(booking.reference);
    expect(client.mail.text).toContain("Wednesday, March 4, 2026");
    expect(client.mail.text).toMatch(/10:00\sAM AST/);
    expect(client.mail.text).toContain("12 Water St");
    expect(client.mail.text).toContain("Cancel at least 24 hours ahead.");
    expect(client.mail.html).toContain("Cancel at least 24 hours ahead.");
    const ics = client.mail.attachments.find((a) => a.filename?.endsWith(".ics"));
    expect(ics?.contentType).toBe("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString("utf8") ?? ""));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString())).toEqual([SLOT, SLOT_NEXT_WEEK]);

    expect(clinic.mail.text).toContain("caution");
    expect(clinic.mail.text).toContain(`https://book.harbour.example/inbox/bookings/${booking.id}`);

    for (const mail of received) {
      const all = everything(mail);
      expect(all).not.toContain(SECRET_ANSWER);
      expect(all).not.toContain("Left calf");
      expect(all).not.toContain("left-calf");
      expect(all).not.toContain("local-condition");
    }
  });

  it("writes to the client in French when they booked in French", async () => {
    const running = await start(`smtp://127.0.0.1:${smtpPort}`);
    await post(running, bookingRequest({ locale: "fr-CA" }));
    const client = received.find((r) => r.to.includes("jo@client.example"));
    expect(client?.mail.text).toContain("Bonjour Jo Client");
    expect(client?.mail.text).toContain("Annulez au moins 24 heures à l'avance.");
    expect(client?.mail.text).toContain("mercredi 4 mars 2026");
  });

  it("tells the clinic about a call-back request without the client's note", async () => {
    const running = await start(`smtp://127.0.0.1:${smtpPort}`);
    await post(running, callbackRequest());
    expect(received).toHaveLength(1);
    const [notice] = received;
    expect(notice?.to).toEqual(["desk@harbour.example"]);
    expect(notice?.mail.text).toContain("A call-back request is waiting in the inbox.");
    expect(notice?.mail.text).toContain("Jo Client");
    expect(notice?.mail.text).toContain("+1 902 555 0199");
    expect(everything(notice as Received)).not.toContain(SECRET_NOTE);
  });

  it("keeps the booking when sending fails, and logs no health data", async () => {
    refuseRecipients = true;
    const running = await start(`smtp://127.0.0.1:${smtpPort}`);
    const booking = await post(running, flaggedRequest());
    expect(await running.store.getBooking(booking.id)).not.toBeNull();
    const failures = logs.filter((l) => l.event === "mail-failed");
    expect(failures.map((f) => f.event === "mail-failed" && f.mail).sort()).toEqual(["client-confirmation", "clinic-notice"]);
    expect(JSON.stringify(logs)).not.toContain(SECRET_ANSWER);
    expect(JSON.stringify(logs)).not.toContain("jo@client.example");
  });
});

describe("emails without SMTP", () => {
  it("writes every message as an .eml file in the outbox", async () => {
    const running = await start(undefined);
    const booking = await post(running, flaggedRequest());
    const outbox = join(dir, "outbox");
    const files = readdirSync(outbox);
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith(".eml") && !f.includes("jo"))).toBe(true);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
    const client = mails.find((m) => m.subject?.includes(booking.reference) && m.attachments.length === 1);
    expect(client?.attachments[0]?.filename).toBe(`appointment-${booking.reference}.ics`);
    for (const file of files) expect(readFileSync(join(outbox, file), "utf8")).not.toContain(SECRET_ANSWER);
  });

  it("sends nothing twice for a replayed request", async () => {
    const running = await start(undefined);
    const request = bookingRequest();
    await post(running, request);
    await post(running, request);
    expect(readdirSync(join(dir, "outbox"))).toHaveLength(2);
  });
});
