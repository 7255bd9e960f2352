/**
 * Progress for long work: a bar on a TTY (cli-progress), otherwise a log line every few seconds.
 */
import { SingleBar } from 'cli-progress';

/** A progress display that knows a total or just counts. */
export interface Progress {
  update(done: number, fields: Record<string, string | number>): void;
  stop(): void;
}

/**
 * Create a progress display on stderr.
 * @param format cli-progress format tokens ({bar}, {value}, {total}, and the field names)
 * @param line the plain line printed without a TTY
 */
export function createProgress(
  total: number,
  format: string,
  line: (done: number, fields: Record<string, string | number>) => string,
  opts: { quiet?: boolean; intervalMs?: number } = {},
): Progress {
  if (opts.quiet === true) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY === true) {
    const bar = new SingleBar({ format, hideCursor: true, etaBuffer: 50, stream: process.stderr });
    bar.start(Math.max(total, 1), 0, {});
    return {
      update: (done, fields) => bar.update(Math.min(done, Math.max(total, 1)), fields),
      stop: () => bar.stop(),
    };
  }
  // LINKGAP_PROGRESS_MS sets how often plain progress lines are printed (scripts, tests).
  const fromEnv = Number(process.env.LINKGAP_PROGRESS_MS);
  const interval = Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : (opts.intervalMs ?? 5_000);
  let last = 0;
  return {
    update: (done, fields) => {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      process.stderr.write(`${line(done, fields)}\n`);
    },
    stop: () => undefined,
  };
}

/** `12.3 MB` style size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** `1,234,567` style count. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
