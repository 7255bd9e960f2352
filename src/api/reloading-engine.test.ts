import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine, type FakeEngine } from '../../test/helpers/fake-engine.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { createReloadingEngine, pointerReader } from './reloading-engine.js';

const query: IntersectQuery = {
  source: 'page',
  targets: [{ key: '1', kind: 'domain', value: 'a.com', includeSubdomains: true, raw: 'a.com' }],
  excludes: [],
  minMatching: 1,
  status: 'live',
  includeIndirect: true,
  excludeInternal: true,
  linkFilters: [null],
  itemFilter: null,
  order: [],
  offset: 0,
  limit: 100,
  rankScale: 'one_thousand',
  internalListLimit: 10,
  excludeTechnicalHosts: false,
  explainSpam: false,
};

function fakeFor(generation: string): FakeEngine {
  return createFakeEngine({
    generation,
    builtAt: '2026-01-01T00:00:00Z',
    links: 1,
    pages: 1,
    domains: 1,
  });
}

/** A pointer and an opener that loads the generation the pointer names. */
function world(initial: string) {
  const w = {
    pointer: initial as string | null,
    opened: [] as FakeEngine[],
    failOpen: false,
    readPointer: async () => w.pointer,
    open: async () => {
      if (w.failOpen) throw new Error('corrupt generation');
      const e = fakeFor(w.pointer ?? 'none');
      w.opened.push(e);
      return e;
    },
  };
  return w;
}

describe('createReloadingEngine', () => {
  it('serves the current generation and swaps when the pointer changes', async () => {
    const w = world('gen-1');
    const engine = await createReloadingEngine(w);
    expect(engine.info().generation).toBe('gen-1');
    expect(await engine.checkForNewGeneration()).toBe(false);
    w.pointer = 'gen-2';
    expect(await engine.checkForNewGeneration()).toBe(true);
    expect(engine.info().generation).toBe('gen-2');
    expect(w.opened[0]?.closed).toBe(true);
    await engine.pageIntersection(query);
    expect(w.opened[1]?.queries).toHaveLength(1);
    expect(w.opened[0]?.queries).toHaveLength(0);
    await engine.close();
    expect(w.opened[1]?.closed).toBe(true);
  });

  it('closes the old generation only after its running query ends', async () => {
    const w = world('gen-1');
    const engine = await createReloadingEngine(w);
    const old = w.opened[0] as FakeEngine;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const original = old.pageIntersection.bind(old);
    old.pageIntersection = async (q) => {
      await gate;
      return original(q);
    };
    const running = engine.pageIntersection(query);
    w.pointer = 'gen-2';
    expect(await engine.checkForNewGeneration()).toBe(true);
    expect(old.closed).toBe(false);
    release();
    const result = await running;
    expect(result.targets).toEqual({ '1': 'a.com' });
    await new Promise((r) => setImmediate(r));
    expect(old.closed).toBe(true);
    await engine.close();
  });

  it('keeps serving the old generation when the new one fails to load', async () => {
    const w = world('gen-1');
    const errors: string[] = [];
    const engine = await createReloadingEngine({
      ...w,
      logger: { info: () => {}, warn: () => {}, error: (m) => errors.push(m) },
    });
    w.pointer = 'gen-2';
    w.failOpen = true;
    expect(await engine.checkForNewGeneration()).toBe(false);
    expect(engine.info().generation).toBe('gen-1');
    expect(errors).toHaveLength(1);
    // The same broken pointer is not retried; a newer one is.
    expect(await engine.checkForNewGeneration()).toBe(false);
    expect(errors).toHaveLength(1);
    w.failOpen = false;
    w.pointer = 'gen-3';
    expect(await engine.checkForNewGeneration()).toBe(true);
    expect(engine.info().generation).toBe('gen-3');
    await engine.close();
  });

  it('does not swap to a pointer that loads the same generation', async () => {
    const w = world('gen-1');
    const engine = await createReloadingEngine({
      readPointer: w.readPointer,
      open: async () => {
        const e = fakeFor('gen-1');
        w.opened.push(e);
        return e;
      },
    });
    w.pointer = 'gen-1 (rewritten)';
    expect(await engine.checkForNewGeneration()).toBe(false);
    expect(w.opened[1]?.closed).toBe(true);
    expect(w.opened[0]?.closed).toBe(false);
    await engine.close();
  });
});

describe('pointerReader', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('reads the trimmed CURRENT file, null when missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-ptr-'));
    const read = pointerReader(dir);
    expect(await read()).toBeNull();
    await writeFile(join(dir, 'CURRENT'), 'gen-7\n');
    expect(await read()).toBe('gen-7');
  });
});
