// Throttles a burst of calls: the first call after a quiet spell runs at once (so that a single
// keystroke redraws without waiting); while calls keep coming, the latest one runs every `delay`
// ms, so the last key of a burst waits at most `delay` ms.

export interface Scheduled<T> {
  (value: T): void;
  /** Runs a pending call now. */
  flush(): void;
  /** Drops a pending call. */
  cancel(): void;
}

export function coalesce<T>(
  run: (value: T) => void,
  delay: number,
  clock: {
    now(): number;
    set(fn: () => void, ms: number): unknown;
    clear(handle: unknown): void;
  } = {
    now: () => performance.now(),
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): Scheduled<T> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown;
  let pending: { value: T } | undefined;
  const fire = () => {
    timer = undefined;
    const p = pending;
    pending = undefined;
    last = clock.now();
    if (p !== undefined) run(p.value);
  };
  const scheduled = ((value: T) => {
    const now = clock.now();
    if (timer === undefined && now - last >= delay) {
      last = now;
      run(value);
      return;
    }
    pending = { value };
    if (timer === undefined) timer = clock.set(fire, Math.max(0, last + delay - now));
  }) as Scheduled<T>;
  scheduled.flush = () => {
    if (timer !== undefined) clock.clear(timer);
    if (pending !== undefined) fire();
    else timer = undefined;
  };
  scheduled.cancel = () => {
    if (timer !== undefined) clock.clear(timer);
    timer = undefined;
    pending = undefined;
  };
  return scheduled;
}
