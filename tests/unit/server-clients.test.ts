import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VerifiedClientSchema } from "../../src/core/clients";
import { bookingRequest } from "./fixtures/server-config";
import { postBooking } from "./fixtures/server-harness";
import { codeHarness, otherCode, type CodeHarness } from "./fixtures/client-codes";

let h: CodeHarness;
beforeEach(() => {
  h = codeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const KNOWN = "jo@client.example";

async function bookAs(email: string, name = "Jo Client") {
  const response = await postBooking(h.app, bookingRequest({ client: { name, email, phone: "+1 902 555 0199", isNewClient: false } }));
  expect(response.status).toBe(201);
}

describe("POST /api/clients/code", () => {
  it("answers a known and an unknown email alike, and sends each its code", async () => {
    await bookAs(KNOWN);
    const known = await h.requestCode(KNOWN);
    const unknown = await h.requestCode("nobody@client.example", { ip: "203.0.113.2" });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.text()).toBe('{"sent":true}');
    expect(await unknown.text()).toBe('{"sent":true}');
    expect([...known.headers.keys()]).toEqual([...unknown.headers.keys()]);
    expect(h.mails.map((m) => [m.to, m.locale])).toEqual([
      [KNOWN, "en"],
      ["nobody@client.example", "en"],
    ]);
    for (const mail of h.mails) expect(mail.code).toMatch(/^\d{6}$/);
  });

  it("refuses a malformed email with 422 and sends nothing", async () => {
    const response = await h.requestCode("not an email");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid", issues: [{ path: "email" }] });
    expect(h.mails).toEqual([]);
  });

  it("sends one email three codes in a row, then asks it to wait, from any address", async () => {
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) expect((await h.requestCode(KNOWN, { ip })).status).toBe(202);
    const fourth = await h.requestCode(" JO@client.example ", { ip: "198.51.100.4" });
    expect(fourth.status).toBe(429);
    const body = (await fourth.json()) as { error: string; retryAfterSeconds: number };
    expect(body.error).toBe("rate-limited");
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(fourth.headers.get("retry-after")).toBe(String(body.retryAfterSeconds));
    expect(h.mails).toHaveLength(3);
  });

  it("limits the code requests of one address across emails", async () => {
    for (let i = 0; i < 10; i++) expect((await h.requestCode(`client${i}@client.example`)).status).toBe(202);
    const refused = await h.requestCode("client10@client.example");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "rate-limited" });
    expect((await h.requestCode("client10@client.example", { ip: "203.0.113.9" })).status).toBe(202);
  });
});

describe("POST /api/clients/verify", () => {
  it("accepts the code once, with the returning client's standing and contact", async () => {
    await bookAs(KNOWN, "Jo Returning");
    await h.requestCode(KNOWN);
    const code = h.codeFor(KNOWN);
    const first = await h.verify(" Jo@Client.Example", code);
    expect(first.status).toBe(200);
    const verified = VerifiedClientSchema.parse(await first.json());
    // Their earlier booking had the full form today: the short update is enough.
    expect(verified).toMatchObject({ returning: true, intakeMode: "update", contact: { name: "Jo Returning", phone: "+1 902 555 0199" } });
    expect(verified.clientToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const again = await h.verify(KNOWN, code);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: "code-invalid", message: expect.stringMatching(/wrong, has expired or was already used/) });
  });

  it("asks a returning client the full form again once the last one is a year old", async () => {
    await bookAs(KNOWN);
    h.advance(366 * 24 * 3_600_000);
    await h.requestCode(KNOWN);
    const response = await h.verify(KNOWN, h.codeFor(KNOWN));
    expect(await response.json()).toMatchObject({ returning: true, intakeMode: "full" });
  });

  it("tells a verified new client they are new, with no contact", async () => {
    await h.requestCode("new@client.example");
    const response = await h.verify("new@client.example", h.codeFor("new@client.example"));
    expect(await response.json()).toMatchObject({ returning: false, intakeMode: "full", contact: null });
  });

  it("burns the code after five wrong tries", async () => {
    await h.requestCode(KNOWN);
    const code = h.codeFor(KNOWN);
    for (let i = 0; i < 5; i++) expect((await h.verify(KNOWN, otherCode(code))).status).toBe(401);
    expect((await h.verify(KNOWN, code)).status).toBe(401);
  });

  it("still takes the right code after four wrong tries", async () => {
    await h.requestCode(KNOWN);
    const code = h.codeFor(KNOWN);
    for (let i = 0; i < 4; i++) expect((await h.verify(KNOWN, otherCode(code))).status).toBe(401);
    expect((await h.verify(KNOWN, code)).status).toBe(200);
  });

  it("refuses a code after its ten minutes", async () => {
    await h.requestCode(KNOWN);
    const code = h.codeFor(KNOWN);
    h.advance(10 * 60_000);
    expect((await h.verify(KNOWN, code)).status).toBe(401);
  });

  it("takes a code just before its ten minutes end", async () => {
    await h.requestCode(KNOWN);
    h.advance(10 * 60_000 - 1000);
    expect((await h.verify(KNOWN, h.codeFor(KNOWN))).status).toBe(200);
  });

  it("keeps only the latest code of an email", async () => {
    await h.requestCode(KNOWN);
    const first = h.codeFor(KNOWN);
    await h.requestCode(KNOWN);
    const second = h.codeFor(KNOWN);
    if (first !== second) expect((await h.verify(KNOWN, first)).status).toBe(401);
    expect((await h.verify(KNOWN, second)).status).toBe(200);
  });

  it("refuses one email's code for another email", async () => {
    await h.requestCode(KNOWN);
    expect((await h.verify("other@client.example", h.codeFor(KNOWN))).status).toBe(401);
  });

  it("refuses a malformed code with 422", async () => {
    const response = await h.verify(KNOWN, "12 34");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid", issues: [{ path: "code" }] });
  });

  it("stores neither codes nor tokens in the clear", async () => {
    await h.requestCode(KNOWN);
    const { clientToken } = VerifiedClientSchema.parse(await (await h.verify(KNOWN, h.codeFor(KNOWN))).json());
    await h.requestCode(KNOWN);
    const db = new Database(join(h.dir, "bookings.sqlite"), { readonly: true });
    try {
      const codes = db.prepare("SELECT * FROM client_codes").all() as Record<string, unknown>[];
      expect(codes).toHaveLength(1);
      expect(Object.values(codes[0] ?? {})).not.toContain(h.codeFor(KNOWN));
      expect(JSON.stringify(codes)).not.toContain(KNOWN);
      const tokens = db.prepare("SELECT token_hash, email_norm FROM client_tokens").all();
      expect(tokens).toEqual([{ token_hash: expect.not.stringContaining(clientToken), email_norm: KNOWN }]);
    } finally {
      db.close();
    }
  });
});
