import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import type { Translator } from "../i18n/t";
import type { WidgetModel } from "../models/widget";
import type { Announcer } from "./announcer";

export interface WidgetContextValue {
  model: WidgetModel;
  i18n: ReadonlySignal<Translator>;
  announcer: Announcer;
  /** Unique per mounted widget, so two widgets in one document never share an id. */
  idPrefix: string;
  /** False until the client first changes step: the page's focus is not taken on load. */
  hasNavigated: { current: boolean };
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error("widget components must be rendered inside <App>");
  return value;
}

/** The active translator; reading it subscribes the component to locale changes. */
export function useT(): Translator {
  return useWidget().i18n.value;
}
