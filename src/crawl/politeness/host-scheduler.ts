/**
 * Per-host politeness: at most one task in flight per host, a delay between the end of one and
 * the start of the next on the same host, and a global concurrency limit. Hosts take turns:
 * one waiting out its delay holds no slot, and hosts ready to go are served first come first.
 */

/** Options of {@link createHostScheduler}. */
export interface HostSchedulerOptions {
  /** Tasks running at once over all hosts (≥ 1). */
  concurrency: number;
  /** Clock in ms (default Date.now). */
  now?: () => number;
  /** A host idle this long (ms) is forgotten, its last end time with it (default 10 min). */
  forgetAfterMs?: number;
}

/** What the scheduler holds right now. */
export interface HostSchedulerStats {
  running: number;
  queued: number;
  /** Hosts with queued tasks and none running (waiting on their delay or for a slot). */
  hostsWaiting: number;
  /** Hosts known: running, waiting, or idle and remembered for their delay. */
  hostsKnown: number;
}

/** The scheduler. */
export interface HostScheduler {
  /**
   * Run `task` for `host` once no other task of that host runs, at least `delayMs` after the
   * host's previous task ended, and a global slot is free. Tasks of one host run in call order.
   * Resolves or rejects as `task` does; an aborted `signal` drops a task still queued (the
   * promise rejects with the reason) but does not stop one that started.
   */
  run<T>(host: string, delayMs: number, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  stats(): HostSchedulerStats;
  /** Resolves when nothing is running or queued. */
  idle(): Promise<void>;
}

interface Job {
  delayMs: number;
  start: () => Promise<void>;
}

interface HostState {
  queue: Job[];
  busy: boolean;
  lastEnd: number;
  ready: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A {@link HostScheduler}.
 * @example const s = createHostScheduler({ concurrency: 8 });
 * await s.run('example.com', 1000, () => fetcher.fetch(url));
 */
export function createHostScheduler(opts: HostSchedulerOptions): HostScheduler {
  const now = opts.now ?? (() => Date.now());
  const forgetAfter = opts.forgetAfterMs ?? 600_000;
  const concurrency = Math.max(1, Math.floor(opts.concurrency));
  const hosts = new Map<string, HostState>();
  const ready: string[] = [];
  let running = 0;
  let queued = 0;
  let ended = 0;
  let idleWaiters: Array<() => void> = [];

  function checkIdle(): void {
    if (running > 0 || queued > 0 || idleWaiters.length === 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function forget(): void {
    const cutoff = now() - forgetAfter;
    for (const [host, s] of hosts)
      if (!s.busy && s.queue.length === 0 && s.timer === undefined && s.lastEnd < cutoff)
        hosts.delete(host);
  }

  function schedule(host: string): void {
    const s = hosts.get(host);
    const head = s?.queue[0];
    if (s === undefined || head === undefined || s.busy || s.ready || s.timer !== undefined) return;
    const wait = s.lastEnd + head.delayMs - now();
    if (wait > 0) {
      s.timer = setTimeout(() => {
        s.timer = undefined;
        schedule(host);
      }, wait);
      return;
    }
    s.ready = true;
    ready.push(host);
    pump();
  }

  function pump(): void {
    while (running < concurrency && ready.length > 0) {
      const host = ready.shift() as string;
      const s = hosts.get(host) as HostState;
      s.ready = false;
      const head = s.queue[0];
      // The head may have changed (an aborted task left): check its own delay again.
      if (head === undefined || s.lastEnd + head.delayMs > now()) {
        schedule(host);
        continue;
      }
      s.queue.shift();
      queued--;
      s.busy = true;
      running++;
      head.start().finally(() => {
        s.busy = false;
        s.lastEnd = now();
        running--;
        if (++ended % 1024 === 0) forget();
        schedule(host);
        pump();
        checkIdle();
      });
    }
  }

  function run<T>(
    host: string,
    delayMs: number,
    task: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    let s = hosts.get(host);
    if (s === undefined) {
      s = {
        queue: [],
        busy: false,
        lastEnd: Number.NEGATIVE_INFINITY,
        ready: false,
        timer: undefined,
      };
      hosts.set(host, s);
    }
    const state = s;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const i = state.queue.indexOf(job);
        if (i < 0) return;
        state.queue.splice(i, 1);
        queued--;
        reject(signal?.reason);
        checkIdle();
      };
      const job: Job = {
        delayMs: Math.max(0, delayMs),
        start: async () => {
          signal?.removeEventListener('abort', onAbort);
          try {
            resolve(await task());
          } catch (error) {
            reject(error);
          }
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.queue.push(job);
      queued++;
      schedule(host);
    });
  }

  return {
    run,
    stats: () => {
      let hostsWaiting = 0;
      for (const s of hosts.values()) if (!s.busy && s.queue.length > 0) hostsWaiting++;
      return { running, queued, hostsWaiting, hostsKnown: hosts.size };
    },
    idle: () =>
      running === 0 && queued === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}
