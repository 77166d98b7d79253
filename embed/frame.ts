import type { DisplayMode } from "./attributes";

export interface FrameLabels {
  /** Accessible name of the dialog: the clinic's name. */
  title: string;
  open: string;
  close: string;
}

/** What the element draws around the widget for one display mode. */
export interface Frame {
  /** Where the widget renders. */
  container: HTMLElement;
  /** Shows the widget; `opener` gets focus back when a dialog closes. */
  open(opener?: Element | null): void;
  close(): void;
  setLabels(labels: FrameLabels): void;
}

export function buildFrame(root: ShadowRoot, mode: DisplayMode, labels: FrameLabels): Frame {
  const doc = root.ownerDocument;
  const container = doc.createElement("div");
  container.setAttribute("part", "widget");
  if (mode === "inline") {
    root.append(container);
    return {
      container,
      open: () => root.host.scrollIntoView({ block: "start" }),
      close: () => {},
      setLabels: () => {},
    };
  }

  const dialog = doc.createElement("dialog");
  dialog.setAttribute("part", "dialog");
  const bar = doc.createElement("div");
  bar.className = "dialog-bar";
  const closeButton = doc.createElement("button");
  closeButton.type = "button";
  closeButton.className = "close";
  closeButton.setAttribute("part", "close-button");
  closeButton.textContent = "×";
  closeButton.addEventListener("click", () => dialog.close());
  bar.append(closeButton);
  dialog.append(bar, container);

  const floating = mode === "floating" ? doc.createElement("button") : null;
  if (floating) {
    floating.type = "button";
    floating.className = "floating";
    floating.setAttribute("part", "floating-button");
    floating.setAttribute("aria-haspopup", "dialog");
    floating.addEventListener("click", () => open(floating));
    root.append(floating);
  }
  root.append(dialog);
  // In the top layer the button escapes any stacking context the page put the element in.
  if (floating && typeof floating.showPopover === "function") {
    floating.popover = "manual";
    floating.showPopover();
  }

  // The native modal dialog traps focus, closes on Escape and sits in the top layer, above
  // any z-index the host page uses. Browsers differ on where focus goes after close, so the
  // opener is focused explicitly.
  let opener: HTMLElement | null = null;
  dialog.addEventListener("close", () => {
    const target = opener;
    opener = null;
    if (target?.isConnected) target.focus();
  });

  function open(from?: Element | null): void {
    if (dialog.open) return;
    const active = from ?? doc.activeElement;
    opener = isFocusable(active) ? active : null;
    dialog.showModal();
  }

  function setLabels(next: FrameLabels): void {
    dialog.setAttribute("aria-label", next.title);
    closeButton.setAttribute("aria-label", next.close);
    if (floating) floating.textContent = next.open;
  }
  setLabels(labels);

  return { container, open, close: () => dialog.close(), setLabels };
}

function isFocusable(element: Element | null | undefined): element is HTMLElement {
  return !!element && typeof (element as HTMLElement).focus === "function" && element !== element.ownerDocument.body;
}
