import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/preact";
import type { BusyInterval } from "../../src/core/slots";
import { mountWidget } from "../../src/widget/mount";
import { answerHealth, chooseService, continueButton, demoConfig, fakeTransport, heading, mount, setupUser, unmountAll } from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

async function openTimeStep(user: ReturnType<typeof setupUser>): Promise<void> {
  await chooseService(user, "Clinical massage", 60);
  await answerHealth(user);
  await user.click(continueButton());
  await heading("Choose a time");
}

describe("time step states", () => {
  it("shows loading, then an empty state with a way to later dates", async () => {
    const user = setupUser();
    let release: (busy: BusyInterval[]) => void = () => {};
    const calls: [string, string][] = [];
    const allDay = (therapistId: string) => ({ therapistId, start: "2026-11-30T00:00:00.000Z", end: "2026-12-16T00:00:00.000Z" });
    mount({
      fetchAvailability: (from, to) => {
        calls.push([from, to]);
        return new Promise((resolve) => (release = resolve));
      },
    });
    await openTimeStep(user);
    expect(screen.getByText("Looking for free times…").closest("[aria-busy], [role=status]")).not.toBeNull();
    expect(screen.queryByRole("grid")).toBeNull();
    release([allDay("maude-arsenault"), allDay("daniel-okafor")]);
    expect((await screen.findByText("No times in the next 14 days.")).textContent).toBe("No times in the next 14 days.");
    expect(screen.queryByText("Looking for free times…")).toBeNull();
    const later = screen.getAllByRole("button", { name: "See later dates" });
    await user.click(later.at(-1) as HTMLElement);
    await waitFor(() => expect(calls).toHaveLength(2));
    release([allDay("maude-arsenault"), allDay("daniel-okafor")]);
    expect(within(await screen.findByRole("grid")).getAllByRole("gridcell").length).toBeGreaterThan(0);
    // The window moved on by 14 days: its range is what the step shows.
    expect(screen.getByText(/ to Mon, Dec 28$/).textContent).toBe("Tue, Dec 15 to Mon, Dec 28");
  });

  it("offers a retry when the free times cannot be loaded", async () => {
    const user = setupUser();
    let fail = true;
    mount({
      fetchAvailability: async () => {
        if (fail) throw new Error("network");
        return [];
      },
    });
    await openTimeStep(user);
    await screen.findByText("The free times could not be loaded.");
    expect(screen.queryByRole("grid")).toBeNull();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(within(await screen.findByRole("grid")).getAllByRole("gridcell").length).toBeGreaterThan(0);
    expect(screen.queryByText("The free times could not be loaded.")).toBeNull();
  });

  it("shows the client's own time beside the clinic's when the zones differ", async () => {
    const user = setupUser();
    mount({ clientTimeZone: "Europe/Paris" });
    await openTimeStep(user);
    expect(screen.getByText(/Your own time \(Central European Time\)/).textContent).toBe(
      "Times are shown in the clinic's time zone (Atlantic Time). Your own time (Central European Time) is shown beside each time.",
    );
    const grid = await screen.findByRole("grid");
    const first = within(grid).getAllByRole("gridcell")[0];
    expect(first?.textContent).toMatch(/^10:00 a\.m\.3:00 p\.m\. your time$/);
  });

  it("labels the two 1:30s of a fall-back night with their offsets", async () => {
    const user = setupUser();
    const config = demoConfig((input) => {
      const daniel = input.therapists.find((t) => t.id === "daniel-okafor");
      if (daniel) daniel.hours = { ...daniel.hours, sun: [{ start: "00:30", end: "03:00" }] };
      input.booking = { ...input.booking, minNoticeHours: 0, bufferAfterMinutes: 0, slotStepMinutes: 30 };
    });
    const host = document.createElement("div");
    document.body.append(host);
    const handle = mountWidget(host, {
      config,
      // Friday 30 October 2026; Halifax falls back on Sunday 1 November at 02:00.
      now: () => new Date("2026-10-30T12:00:00.000Z"),
      clientTimeZone: "America/Halifax",
      transport: fakeTransport().transport,
      fetchAvailability: async () => [],
      emit: () => {},
    });
    try {
      await chooseService(user, "Sports massage", 30);
      await answerHealth(user);
      await user.click(continueButton());
      await heading("Choose a time");
      // Only Daniel offers sports massage: no therapist choice to make.
      expect(screen.queryByRole("combobox", { name: "Therapist" })).toBeNull();
      const grid = await screen.findByRole("grid");
      const sunday = within(grid)
        .getAllByRole("row")
        .find((row) => within(row).getByRole("rowheader").textContent === "Sunday, November 1");
      if (!sunday) throw new Error("no Sunday row");
      const labels = within(sunday)
        .getAllByRole("gridcell")
        .map((c) => c.textContent);
      expect(labels).toContain("1:30 a.m. (UTC−03:00)");
      expect(labels).toContain("1:30 a.m. (UTC−04:00)");
    } finally {
      handle.unmount();
      host.remove();
    }
  });
});
