import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatIssues, parseClinicConfig } from "../../src/core/config";
import type { ClinicBookingErrorDetail } from "../../embed/events";
import { runBundle, demoConfig, inlineConfig } from "./harness";

function invalidConfig(): Record<string, unknown> {
  const config = demoConfig();
  const services = config.services as Record<string, unknown>[];
  const durations = services[0]?.durations as Record<string, unknown>[];
  if (durations[0]) durations[0].price = 85.5;
  config.submit = { ...(config.submit as object), endpoint: "http://clinic.example/api/bookings" };
  delete (config.clinic as Record<string, unknown>).email;
  return config;
}

const lines = (element: Element) =>
  Array.from(element.shadowRoot?.querySelectorAll(".config-error li") ?? [], (li) => li.textContent);

describe("an invalid inline config", () => {
  beforeAll(() => runBundle(null));

  it("shows every problem as path: message inside the shadow root and reports them", async () => {
    const config = invalidConfig();
    inlineConfig("bad-config", JSON.stringify(config));
    const errors: ClinicBookingErrorDetail[] = [];
    document.addEventListener("clinic-booking:error", (event) => errors.push((event as CustomEvent<ClinicBookingErrorDetail>).detail));
    document.body.insertAdjacentHTML("beforeend", `<clinic-booking id="w" config-id="bad-config"></clinic-booking>`);
    const element = document.getElementById("w") as Element;

    await vi.waitFor(() => expect(lines(element).length).toBeGreaterThan(0));
    const expected = parseClinicConfig(config);
    if (expected.ok) throw new Error("the config was meant to be invalid");
    expect(lines(element)).toEqual(formatIssues(expected.errors).split("\n"));
    expect(lines(element).map((line) => line?.split(":")[0])).toEqual(
      expect.arrayContaining(["clinic.email", "services[0].durations[0].price", "submit.endpoint"]),
    );
    expect(lines(element)).toContain(
      'submit.endpoint: expected an https:// URL (http:// only for localhost), got "http://clinic.example/api/bookings"',
    );
    expect(element.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull();
    expect(errors).toEqual([{ kind: "config", issues: expected.errors }]);
  });

  it("says when the inline block is not JSON", async () => {
    inlineConfig("not-json", "{ clinic: ");
    document.body.insertAdjacentHTML("beforeend", `<clinic-booking id="x" config-id="not-json"></clinic-booking>`);
    const element = document.getElementById("x") as Element;
    await vi.waitFor(() => expect(lines(element)).toHaveLength(1));
    expect(lines(element)[0]).toMatch(/^\(root\): <script type="application\/json" id="not-json"> is not valid JSON/);
  });
});
