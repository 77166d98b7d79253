/** Runs after Preact has painted the state change that triggered it. */
export function afterRender(run: () => void): void {
  setTimeout(run, 0);
}

/** Focuses the first control marked invalid and tells how many need attention. */
export function focusFirstProblem(container: HTMLElement | null, say: (count: number, firstError: string | null) => void): void {
  afterRender(() => {
    if (!container) return;
    // One message per problem, however many controls it marks (a service card group has many radios).
    const messages = container.querySelectorAll(".cb-error");
    const first = container.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    say(messages.length, messages[0]?.textContent ?? null);
  });
}
