import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/preact";
import { answerHealth, chooseService, continueButton, heading, mount, setupUser, unmountAll } from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

const cellsOf = (row: HTMLElement) => within(row).getAllByRole("gridcell");

describe("slot grid keyboard operation", () => {
  it("is one tab stop, moves with arrows, Home and End, and chooses with Enter or Space", async () => {
    const user = setupUser();
    mount();
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user);
    await user.click(continueButton());
    await heading("Choose a time");
    const grid = await screen.findByRole("grid", { name: "Available times" });
    const rows = within(grid).getAllByRole("row");
    const [day1, day2] = rows as [HTMLElement, HTMLElement];

    // Only one cell is in the tab order.
    const tabbable = within(grid)
      .getAllByRole("gridcell")
      .filter((c) => c.tabIndex === 0);
    expect(tabbable).toHaveLength(1);

    // From "See later dates", the next Tab enters the grid.
    screen.getByRole("button", { name: "See later dates" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(cellsOf(day1)[0]);

    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(cellsOf(day1)[1]);
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement).toBe(cellsOf(day1)[0]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(cellsOf(day1).at(-1));
    await user.keyboard("{Home}{ArrowRight}{ArrowDown}");
    expect(document.activeElement).toBe(cellsOf(day2)[1]);
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(cellsOf(day1)[1]);
    await user.keyboard("{Control>}{End}{/Control}");
    expect(document.activeElement).toBe(cellsOf(rows.at(-1) as HTMLElement).at(-1));
    await user.keyboard("{Control>}{Home}{/Control}{ArrowDown}");

    const target = cellsOf(day2)[0] as HTMLElement;
    expect(document.activeElement).toBe(target);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(target.getAttribute("aria-selected")).toBe("true"));
    expect(screen.getByText(/^Chosen: /).textContent).toMatch(new RegExp(`^Chosen: .*${target.textContent?.slice(0, 5) ?? ""}.* with `));

    await user.keyboard("{ArrowRight} ");
    await waitFor(() => expect(cellsOf(day2)[1]?.getAttribute("aria-selected")).toBe("true"));
    expect(target.getAttribute("aria-selected")).toBe("false");

    // Leaving and coming back lands on the chosen time.
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe("See later dates");
    await user.tab();
    expect(document.activeElement).toBe(cellsOf(day2)[1]);
  });
});
