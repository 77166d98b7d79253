import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingSchema } from "../../src/core/booking";
import { VerifiedClientSchema } from "../../src/core/clients";
import { ClinicConfigSchema, compileConfig } from "../../src/core/config";
import { codeHarness, type CodeHarness } from "./fixtures/client-codes";
import { bookingRequest, serverConfigInput, SLOT_NEXT_WEEK } from "./fixtures/server-config";
import { postBooking } from "./fixtures/server-harness";

// The test clinic with a first-visit offer: 20 % off for new clients, 8,250 → 6,600.
const config = compileConfig(
  ClinicConfigSchema.parse({
    ...serverConfigInput,
    deals: [{ id: "welcome", kind: "percent-off", name: "Welcome", percent: 20, newClientsOnly: true }],
  }),
);
const LIST = 8250;
const WELCOME = 6600;

let h: CodeHarness;
beforeEach(() => {
  h = codeHarness({ config });
});
afterEach(async () => {
  await h.cleanup();
});

const client = (email: string, isNewClient = true) => ({ name: "Jo Client", email, phone: "+1 902 555 0199", isNewClient });
const withDeal = (email: string) => bookingRequest({ client: client(email), quotedTotal: WELCOME, quotedDealId: "welcome" });
const atList = (email: string, isNewClient = true) => bookingRequest({ client: client(email, isNewClient), quotedTotal: LIST, quotedDealId: null });

async function tokenFor(email: string): Promise<string> {
  await h.requestCode(email);
  const response = await h.verify(email, h.codeFor(email));
  return VerifiedClientSchema.parse(await response.json()).clientToken;
}

const post = (body: unknown, token?: string) => postBooking(h.app, body, token ? { headers: { "X-Client-Token": token } } : {});

async function issueCodes(response: Response): Promise<string[]> {
  const body = (await response.json()) as { issues: { code: string }[] };
  return body.issues.map((i) => i.code);
}

describe("POST /api/bookings with and without a client token", () => {
  it("grants the first-visit offer to a verified email with no earlier booking, and stores it as new", async () => {
    const token = await tokenFor("new@client.example");
    const response = await post(withDeal("New@Client.example"), token);
    expect(response.status).toBe(201);
    const booking = BookingSchema.parse(await response.json());
    expect(booking).toMatchObject({ total: WELCOME, dealId: "welcome" });
    expect((await h.store.getBooking(booking.id))?.client.isNewClient).toBe(true);
  });

  it("grants it to a verified new client who says they are not new: the claim decides nothing", async () => {
    const token = await tokenFor("modest@client.example");
    const response = await post(bookingRequest({ client: client("modest@client.example", false), quotedTotal: WELCOME, quotedDealId: "welcome" }), token);
    expect(response.status).toBe(201);
    expect(BookingSchema.parse(await response.json()).dealId).toBe("welcome");
  });

  it("refuses the offer without a token, whatever the request claims", async () => {
    const response = await post(withDeal("new@client.example"));
    expect(response.status).toBe(422);
    expect(await issueCodes(response)).toEqual(["deal-not-applicable", "price-changed"]);
  });

  it("books an unverified client at list price, stored as not new although the request says new", async () => {
    const response = await post(atList("new@client.example", true));
    expect(response.status).toBe(201);
    const booking = BookingSchema.parse(await response.json());
    expect((await h.store.getBooking(booking.id))?.client.isNewClient).toBe(false);
  });

  it("answers an unverified known email and an unknown one alike", async () => {
    expect((await post(atList("known@client.example"))).status).toBe(201);
    const known = BookingSchema.parse(await (await post(bookingRequest({ client: client("known@client.example"), sessions: [{ start: SLOT_NEXT_WEEK }] }))).json());
    const unknown = BookingSchema.parse(
      await (await post(bookingRequest({ client: client("unknown@client.example"), sessions: [{ start: SLOT_NEXT_WEEK }], therapistId: "ben" }))).json(),
    );
    const comparable = ({ id: _id, reference: _reference, calendarUrl: _url, manageUrl: _manage, therapistId: _therapist, ...rest }: typeof known) => rest;
    expect(comparable(unknown)).toEqual(comparable(known));
  });

  it("refuses the offer to a verified email that booked before", async () => {
    expect((await post(atList("back@client.example"))).status).toBe(201);
    const token = await tokenFor("back@client.example");
    const response = await post(bookingRequest({ client: client("back@client.example"), sessions: [{ start: SLOT_NEXT_WEEK }], quotedTotal: WELCOME, quotedDealId: "welcome" }), token);
    expect(response.status).toBe(422);
    expect(await issueCodes(response)).toEqual(["deal-not-applicable", "price-changed"]);
  });

  it("takes the short update from a verified returning client, and asks the full form of the same client unverified", async () => {
    expect((await post(atList("back@client.example"))).status).toBe(201);
    const token = await tokenFor("back@client.example");
    const update = bookingRequest({ client: client("back@client.example", false), sessions: [{ start: SLOT_NEXT_WEEK }], intakeMode: "update" });
    const unverified = await post(update);
    expect(unverified.status).toBe(422);
    expect(await issueCodes(unverified)).toEqual(["full-intake-required"]);
    expect((await post(update, token)).status).toBe(201);
  });

  it("treats a token given for another email as no token", async () => {
    const token = await tokenFor("new@client.example");
    const response = await post(withDeal("someone-else@client.example"), token);
    expect(response.status).toBe(422);
    expect(await issueCodes(response)).toEqual(["deal-not-applicable", "price-changed"]);
  });

  it("treats an expired or made-up token as no token", async () => {
    const token = await tokenFor("new@client.example");
    h.advance(2 * 3_600_000);
    expect((await post(withDeal("new@client.example"), token)).status).toBe(422);
    expect((await post(withDeal("new@client.example"), "x".repeat(43))).status).toBe(422);
    expect((await post(withDeal("new@client.example"), "not a token")).status).toBe(422);
  });
});
