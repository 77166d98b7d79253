import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import type { Translator } from "../i18n/translator";
import type { FirstStepModel } from "../models/first-step";
import type { WidgetModel } from "../models/widget";
import type { Announcer } from "./announcer";

export interface WidgetContextValue {
  /** The service step's state, there from the first paint. */
  first: FirstStepModel;
  /** The whole flow's model, once the config is checked and the flow's code is there. */
  model: WidgetModel | null;
  /** The active translator; reading it inside a signal-aware render subscribes to locale changes. */
  i18n: ReadonlySignal<Translator>;
  announcer: Announcer;
  /** Unique per mounted widget, so two widgets in one document never share an id. */
  idPrefix: string;
  /** False until the client first changes step: the page's focus is not taken on load. */
  hasNavigated: { current: boolean };
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidgetContext(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error("widget components must be rendered inside <App>");
  return value;
}

/** For the steps after the first, which only exist once the flow does. */
export function useWidget(): WidgetContextValue & { model: WidgetModel } {
  const value = useWidgetContext();
  const { model } = value;
  if (!model) throw new Error("this part of the widget needs the flow's model");
  return { ...value, model };
}

export function useT(): Translator {
  return useWidgetContext().i18n.value;
}
