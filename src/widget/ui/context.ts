import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import type { Translator } from "../i18n/t";
import type { WidgetModel } from "../models/widget";
import type { Announcer } from "./announcer";

/**
 * What presentational components need, and nothing of the booking model: the service step
 * is painted with these alone while the rest of the flow's code is still downloading.
 */
export interface ViewContextValue {
  /** The active translator; reading it inside a signal-aware render subscribes to locale changes. */
  translator: () => Translator;
  /** Unique per mounted widget, so two widgets in one document never share an id. */
  idPrefix: string;
  /** False until the client first changes step: the page's focus is not taken on load. */
  hasNavigated: { current: boolean };
}

export const ViewContext = createContext<ViewContextValue | null>(null);

export interface WidgetContextValue {
  model: WidgetModel;
  i18n: ReadonlySignal<Translator>;
  announcer: Announcer;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error("widget components must be rendered inside <App>");
  return value;
}

export function useView(): ViewContextValue {
  const value = useContext(ViewContext);
  if (!value) throw new Error("widget views must be rendered inside a ViewContext");
  return value;
}

export function useT(): Translator {
  return useView().translator();
}
