export interface Periodic {
  /** Resolves once the run going on now, if any, has finished. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Runs `task` now and every `everyMs` after, one run at a time; a failure is handed to `onError`
 * and the next run still comes. The timer never keeps the process alive.
 */
export function startPeriodic(task: () => Promise<unknown>, everyMs: number, onError: (error: unknown) => void): Periodic {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref?.();
  return {
    idle: () => running,
    stop: () => clearInterval(timer),
  };
}
