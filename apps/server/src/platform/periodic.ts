/** A task run every `intervalMs` while the server runs; see `runEvery`. */
export type Periodic = {
  /** Runs no further pass; waits for the one running, if any. */
  stop(): Promise<void>;
};

/**
 * Runs `task` every `intervalMs`, the first time one interval after the start. A pass begins only
 * after the previous one ended (a slow database never stacks passes), and an error is handed to
 * `onError` and the next pass runs as planned. The timer does not keep the process alive on its
 * own; `stop()` clears it, so nothing runs against a database closed after it.
 */
export function runEvery(intervalMs: number, task: () => Promise<unknown>, onError: (err: unknown) => void): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = task()
        .then(() => undefined, onError)
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
