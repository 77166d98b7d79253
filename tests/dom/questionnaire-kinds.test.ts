import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import type { ClinicConfigInput } from "../../src/core/config";
import { chooseService, continueButton, demoConfig, heading, mount, setupUser, unmountAll } from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

const QUESTIONNAIRE: NonNullable<ClinicConfigInput["questionnaire"]> = {
  sections: [{ id: "about", title: { en: "About you", fr: "À propos de vous" }, intro: "A few questions." }],
  questions: [
    { id: "exercise", section: "about", kind: "yes-no", required: true, label: "Do you exercise?" },
    {
      id: "sport",
      section: "about",
      kind: "single-choice",
      required: true,
      visibleIf: { question: "exercise", equals: true },
      label: "Which sport?",
      options: [
        { value: "run", label: "Running" },
        { value: "swim", label: "Swimming" },
      ],
    },
    { id: "goals", section: "about", kind: "multi-choice", label: "Goals", options: [{ value: "relax", label: "Relax" }] },
    { id: "avoid", section: "about", kind: "body-areas", marksAreasToAvoid: true, label: "Areas to avoid", options: [{ value: "neck", label: "Neck" }] },
    { id: "notes", section: "about", kind: "text", multiline: true, maxLength: 20, label: "Notes" },
    { id: "since", section: "about", kind: "date", label: "Since when?" },
    { id: "weight", section: "about", kind: "number", min: 30, max: 300, unit: "kg", label: "Weight" },
    { id: "pain", section: "about", kind: "scale", min: 0, max: 10, minLabel: "none", maxLabel: "worst", required: true, label: "Pain today" },
  ],
};

describe("a clinic's own questionnaire", () => {
  it("renders every question kind, shows conditional questions, and validates inline", async () => {
    const user = setupUser();
    const { host, handle } = mount({ config: demoConfig((input) => (input.questionnaire = QUESTIONNAIRE)) });
    await chooseService(user, "Clinical massage", 60);
    await heading("Health history");
    await user.click(within(screen.getByRole("group", { name: /first visit/ })).getByRole("radio", { name: "Yes" }));

    expect(screen.getByRole("heading", { name: "About you" }).tagName).toMatch(/^H[3-6]$/);
    expect(screen.queryByRole("group", { name: /Which sport/ })).toBeNull();
    for (const name of ["Relax", "Neck"]) expect(screen.getByRole<HTMLInputElement>("checkbox", { name }).checked).toBe(false);
    expect(screen.getByRole("textbox", { name: /Notes/ }).tagName).toBe("TEXTAREA");
    expect(screen.getByLabelText(/Since when/).getAttribute("type")).toBe("date");
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: /Weight/ }).type).toBe("number");
    const pain = screen.getByRole("group", { name: /Pain today/ });
    expect(within(pain).getAllByRole("radio")).toHaveLength(11);
    expect(pain.getAttribute("aria-describedby")?.split(" ")).toContain(within(pain).getByText(/0: none · 10: worst/).id);

    await user.click(continueButton());
    const live = host.querySelector('[role="status"][aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe("Please check 2 answers below."));
    expect(screen.getAllByText("Please answer this question.")).toHaveLength(2);
    const firstRadio = within(screen.getByRole("group", { name: /Do you exercise/ })).getAllByRole("radio")[0];
    await waitFor(() => expect(document.activeElement).toBe(firstRadio));

    await user.click(within(screen.getByRole("group", { name: /Do you exercise/ })).getByRole("radio", { name: "Yes" }));
    const sport = await screen.findByRole("group", { name: /Which sport/ });
    expect(within(sport).getAllByRole("radio")[0]?.getAttribute("aria-invalid")).toBe("true");
    expect(within(sport).getAllByText("Please answer this question.")).toHaveLength(1);
    await user.click(within(sport).getByRole("radio", { name: "Swimming" }));

    const weight = screen.getByRole("spinbutton", { name: /Weight/ });
    await user.type(weight, "500");
    expect(weight.getAttribute("aria-invalid")).toBe("true");
    const weightError = document.getElementById((weight.getAttribute("aria-describedby") ?? "").split(" ")[0] ?? "");
    expect(weightError?.textContent).toMatch(/Enter a number in the allowed range/);
    await user.clear(weight);
    await user.type(weight, "70");
    expect(weight.getAttribute("aria-invalid")).toBeNull();

    const since = screen.getByLabelText(/Since when/);
    fireEvent.input(since, { target: { value: "2027-01-05" } });
    const futureError = await screen.findByText("This date cannot be after today.");
    expect(since.getAttribute("aria-describedby")?.split(" ")).toContain(futureError.id);
    fireEvent.input(since, { target: { value: "2026-11-05" } });

    await user.click(within(pain).getByRole("radio", { name: "9" }));
    await user.click(continueButton());
    await heading("Choose a time");
    handle.setLocale("fr");
    await heading("Choisissez un horaire");
  });
});
