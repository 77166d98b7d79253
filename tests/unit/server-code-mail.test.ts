import { describe, expect, it } from "vitest";
import { codeMessage } from "../../src/server/mail/code-mail";
import { serverConfig } from "./fixtures/server-config";

describe("the code email", () => {
  const config = serverConfig();

  it("gives the code and its ten minutes in English", () => {
    const message = codeMessage(config, { to: "jo@client.example", locale: "en-CA", code: "042917", validMinutes: 10 }, "desk@harbour.example");
    expect(message).toMatchObject({ to: "jo@client.example", from: "desk@harbour.example", subject: "Your code for Harbour Massage Therapy" });
    expect(message.text).toContain("Your code: 042917");
    expect(message.text).toContain("It is valid for 10 minutes and can be used once.");
    expect(String(message.html)).toContain("042917");
  });

  it("speaks French for a French request", () => {
    const message = codeMessage(config, { to: "jo@client.example", locale: "fr", code: "042917", validMinutes: 10 }, "desk@harbour.example");
    expect(message.subject).toBe("Votre code pour Harbour Massage Therapy");
    expect(message.text).toContain("Votre code: 042917");
    expect(message.text).toContain("Il est valable 10 minutes");
  });
});
