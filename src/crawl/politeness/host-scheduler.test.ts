import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostScheduler, type HostScheduler } from './host-scheduler.js';

interface Span {
  id: string;
  host: string;
  start: number;
  end: number;
}

/** A task that takes `ms` of (fake) time and records when it ran. */
function recorder() {
  const spans: Span[] = [];
  let live = 0;
  let peak = 0;
  const task = (id: string, host: string, ms: number) => async () => {
    const span = { id, host, start: Date.now(), end: -1 };
    live++;
    peak = Math.max(peak, live);
    await new Promise((r) => setTimeout(r, ms));
    live--;
    span.end = Date.now();
    spans.push(span);
    return id;
  };
  return { spans, task, peak: () => peak };
}

function order(spans: Span[]): string[] {
  return [...spans].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)).map((s) => s.id);
}

describe('createHostScheduler (fake time)', () => {
  let s: HostScheduler;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one task per host at a time, delayMs after the previous one ended', async () => {
    s = createHostScheduler({ concurrency: 4 });
    const r = recorder();
    const t0 = Date.now();
    const all = ['a1', 'a2', 'a3'].map((id) => s.run('a', 500, r.task(id, 'a', 100)));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await Promise.all(all)).toEqual(['a1', 'a2', 'a3']);
    const [x, y, z] = r.spans;
    expect(r.peak()).toBe(1);
    expect(x?.start).toBe(t0);
    expect((y?.start ?? 0) - (x?.end ?? 0)).toBeGreaterThanOrEqual(500);
    expect((z?.start ?? 0) - (y?.end ?? 0)).toBeGreaterThanOrEqual(500);
  });

  it('uses each task’s own delay (a Crawl-delay learnt on the way)', async () => {
    s = createHostScheduler({ concurrency: 1 });
    const r = recorder();
    void s.run('a', 0, r.task('a1', 'a', 10));
    void s.run('a', 2000, r.task('a2', 'a', 10));
    await vi.advanceTimersByTimeAsync(5000);
    expect((r.spans[1]?.start ?? 0) - (r.spans[0]?.end ?? 0)).toBeGreaterThanOrEqual(2000);
  });

  it('never runs more than `concurrency` tasks at once', async () => {
    s = createHostScheduler({ concurrency: 3 });
    const r = recorder();
    const all = Array.from({ length: 10 }, (_, i) =>
      s.run(`h${i}`, 0, r.task(`t${i}`, `h${i}`, 100)),
    );
    await vi.advanceTimersByTimeAsync(1);
    expect(s.stats()).toMatchObject({ running: 3, queued: 7, hostsWaiting: 7 });
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    expect(r.peak()).toBe(3);
  });

  it('lets other hosts run while one waits out its delay', async () => {
    s = createHostScheduler({ concurrency: 1 });
    const r = recorder();
    for (let i = 1; i <= 3; i++) void s.run('slow', 1000, r.task(`slow${i}`, 'slow', 10));
    for (let i = 1; i <= 3; i++) void s.run('fast', 0, r.task(`fast${i}`, 'fast', 10));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order(r.spans)).toEqual(['slow1', 'fast1', 'fast2', 'fast3', 'slow2', 'slow3']);
  });

  it('takes hosts in turn when several are ready', async () => {
    s = createHostScheduler({ concurrency: 1 });
    const r = recorder();
    for (let i = 1; i <= 3; i++) void s.run('a', 0, r.task(`a${i}`, 'a', 10));
    void s.run('b', 0, r.task('b1', 'b', 10));
    void s.run('c', 0, r.task('c1', 'c', 10));
    await vi.advanceTimersByTimeAsync(1000);
    expect(order(r.spans)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
  });

  it('passes a task’s failure on and carries on with the host', async () => {
    s = createHostScheduler({ concurrency: 1 });
    const failing = s.run('a', 0, async () => {
      throw new Error('boom');
    });
    const next = s.run('a', 100, async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await vi.advanceTimersByTimeAsync(200);
    expect(await next).toBe('next');
  });

  it('drops a queued task whose signal aborts', async () => {
    s = createHostScheduler({ concurrency: 1 });
    const r = recorder();
    const ac = new AbortController();
    const first = s.run('a', 0, r.task('a1', 'a', 100));
    const dropped = s.run('a', 0, r.task('a2', 'a', 100), ac.signal);
    const third = s.run('a', 0, r.task('a3', 'a', 100));
    ac.abort(new Error('cancelled'));
    await expect(dropped).rejects.toThrow('cancelled');
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([first, third]);
    expect(order(r.spans)).toEqual(['a1', 'a3']);
    await expect(s.run('a', 0, async () => 1, ac.signal)).rejects.toThrow('cancelled');
  });

  it('reports idle when everything has run', async () => {
    s = createHostScheduler({ concurrency: 2 });
    const r = recorder();
    for (let i = 0; i < 4; i++) void s.run(i % 2 ? 'a' : 'b', 300, r.task(`t${i}`, 'x', 50));
    let idle = false;
    void s.idle().then(() => {
      idle = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(idle).toBe(true);
    expect(s.stats()).toMatchObject({ running: 0, queued: 0, hostsKnown: 2 });
  });

  it('forgets hosts idle for longer than forgetAfterMs', async () => {
    s = createHostScheduler({ concurrency: 4, forgetAfterMs: 1000 });
    for (let i = 0; i < 1024; i++) await s.run(`h${i % 2}`, 0, async () => i);
    await s.idle();
    expect(s.stats().hostsKnown).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    for (let i = 0; i < 1024; i++) await s.run('z', 0, async () => i);
    await s.idle();
    expect(s.stats().hostsKnown).toBe(1);
  });
});

describe('createHostScheduler (real time)', () => {
  it('keeps at least the delay between two tasks of a host', async () => {
    const s = createHostScheduler({ concurrency: 2 });
    const times: Array<[number, number]> = [];
    const task = async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 5));
      times.push([t0, performance.now()]);
    };
    await Promise.all([s.run('a', 40, task), s.run('a', 40, task)]);
    const [first, second] = times;
    expect((second?.[0] ?? 0) - (first?.[1] ?? 0)).toBeGreaterThanOrEqual(39);
  });
});
