import { useContext, useId } from "preact/hooks";
import { WidgetContext } from "./context";

/** Ids unique per widget instance: two widgets on one page must not share a label target. */
export function useIds(): (suffix: string) => string {
  const prefix = useContext(WidgetContext)?.idPrefix ?? "cb";
  const base = useId().replace(/[^A-Za-z0-9_-]/g, "");
  return (suffix) => `${prefix}-${base}-${suffix}`;
}

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}
