import { signal } from "@preact/signals";

export type Announcer = ReturnType<typeof createAnnouncer>;

/** Text for the polite live region. Saying the same thing twice must be heard twice. */
export function createAnnouncer() {
  const message = signal("");
  let timer: ReturnType<typeof setTimeout> | undefined;

  function say(text: string): void {
    clearTimeout(timer);
    message.value = "";
    // Screen readers announce a change of content; an emptied region refilled a tick later is one.
    timer = setTimeout(() => {
      message.value = text;
    }, 50);
  }

  function dispose(): void {
    clearTimeout(timer);
  }

  return { message, say, dispose };
}
