import { useRef, useState } from "preact/hooks";
import type { Slot } from "../../../core/slots";
import { offsetLabel } from "../../i18n/format";
import { useT } from "../../ui/context";
import { useIds } from "../../ui/ids";

interface SlotGridProps {
  days: { date: string; slots: Slot[] }[];
  selectedStart: string | null;
  clinicZone: string;
  clientZone: string;
  onSelect: (slot: Slot) => void;
}

type Position = { row: number; col: number };

/**
 * Free times as an ARIA grid: one row per day, one tab stop for the whole grid (roving tabindex).
 * Left/Right move within a day, Up/Down to the same position on the previous/next day,
 * Home/End to the day's first/last time (with Ctrl: the grid's), Enter or Space chooses.
 */
export function SlotGrid({ days, selectedStart, clinicZone, clientZone, onSelect }: SlotGridProps) {
  const t = useT();
  const id = useIds();
  const grid = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const showClientTime = clientZone !== clinicZone;

  const starts = days.map((d) => d.slots.map((s) => s.start));
  const present = (start: string | null) => start !== null && starts.some((row) => row.includes(start));
  const tabStop = present(active) ? active : present(selectedStart) ? selectedStart : (starts[0]?.[0] ?? null);

  function positionOf(start: string): Position | null {
    for (let row = 0; row < starts.length; row++) {
      const col = starts[row]?.indexOf(start) ?? -1;
      if (col >= 0) return { row, col };
    }
    return null;
  }

  function moveTo(row: number, col: number): void {
    const cells = starts[row];
    if (!cells || cells.length === 0) return;
    const start = cells[Math.max(0, Math.min(col, cells.length - 1))];
    if (!start) return;
    setActive(start);
    grid.current?.querySelector<HTMLElement>(`[data-start="${start}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent, slot: Slot): void {
    const at = positionOf(slot.start);
    if (!at) return;
    const lastRow = starts.length - 1;
    const lastCol = (starts[at.row]?.length ?? 1) - 1;
    const moves: Record<string, () => void> = {
      ArrowRight: () => moveTo(at.row, Math.min(at.col + 1, lastCol)),
      ArrowLeft: () => moveTo(at.row, Math.max(at.col - 1, 0)),
      ArrowDown: () => moveTo(Math.min(at.row + 1, lastRow), at.col),
      ArrowUp: () => moveTo(Math.max(at.row - 1, 0), at.col),
      Home: () => (event.ctrlKey ? moveTo(0, 0) : moveTo(at.row, 0)),
      End: () => (event.ctrlKey ? moveTo(lastRow, Number.MAX_SAFE_INTEGER) : moveTo(at.row, lastCol)),
      Enter: () => onSelect(slot),
      " ": () => onSelect(slot),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  }

  return (
    <div class="cb-slotgrid" role="grid" aria-label={t.t("time.grid")} aria-describedby={id("help")} ref={grid}>
      <p class="cb-visually-hidden" id={id("help")}>
        {t.t("time.gridHelp")}
      </p>
      {days.map((day) => (
        <div class="cb-slotgrid__row" role="row" key={day.date}>
          <div class="cb-slotgrid__day" role="rowheader">
            {t.day(day.date)}
          </div>
          {day.slots.map((slot) => {
            const clinicTime = t.time(slot.start, clinicZone);
            const label = slot.ambiguous ? t.t("time.offsetLabel", { time: clinicTime, offset: offsetLabel(slot.offset) }) : clinicTime;
            const selected = slot.start === selectedStart;
            return (
              <div
                key={slot.start}
                role="gridcell"
                class={`cb-slot${selected ? " cb-slot--selected" : ""}`}
                part="slot"
                data-start={slot.start}
                tabIndex={slot.start === tabStop ? 0 : -1}
                aria-selected={selected ? "true" : "false"}
                onClick={() => {
                  setActive(slot.start);
                  onSelect(slot);
                }}
                onKeyDown={(e) => onKeyDown(e, slot)}
                onFocus={() => setActive(slot.start)}
              >
                <span class="cb-slot__time">{label}</span>
                {showClientTime && (
                  <span class="cb-slot__client">{t.t("time.yourTime", { time: t.time(slot.start, clientZone) })}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
