/**
 * For e2e tests of `linkgap serve`: build a small real index (generate → ingest → build with the
 * CLI, then the link index in-process) and run the built CLI's `serve` until stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexInfo } from '../../src/engine/types.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { runCli, startCli } from './run-cli.js';

/** A built test index. */
export interface TestIndex {
  db: string;
  indexRoot: string;
  /** Registrable domains with the most referring pages, most first (generator manifest). */
  topDomains: string[];
}

/** Generate a small web into `dir`, ingest it and build it (build writes the link index). */
export async function buildTestIndex(dir: string, pages = 400, seed = 5): Promise<TestIndex> {
  const web = join(dir, 'web');
  const db = join(dir, 'web.duckdb');
  const steps: string[][] = [
    [
      'generate',
      '--out',
      web,
      '--pages',
      String(pages),
      '--seed',
      String(seed),
      '--format',
      'ndjson',
    ],
    ['ingest', '--db', db, web],
    ['build', '--db', db],
  ];
  for (const args of steps) {
    const r = await runCli(args);
    if (r.code !== 0) throw new Error(`linkgap ${args[0]} failed: ${r.stderr}`);
  }
  const manifest = JSON.parse(await readFile(join(web, 'manifest.json'), 'utf8')) as {
    topLinkedDomains: Array<{ domain: string }>;
  };
  return {
    db,
    indexRoot: indexRootFor(db),
    topDomains: manifest.topLinkedDomains.map((d) => d.domain),
  };
}

/** Write a new generation of the link index from the built DuckDB tables. */
export async function writeIndexGeneration(db: string): Promise<IndexInfo> {
  const store = await createDuckDBStore({ path: db });
  try {
    return await writeLinkIndex(store, indexRootFor(db));
  } finally {
    await store.close();
  }
}

/** A running `linkgap serve`. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Start `linkgap serve --port 0 …` and wait until it prints its URL. */
export function startServe(
  args: string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = startCli(['serve', '--port', '0', ...args], env);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const m = /listening on (http:\/\/\S+?) /.exec(stdout);
      if (m?.[1] !== undefined) {
        resolve({
          url: m[1],
          child,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    exited.then((code) =>
      reject(new Error(`serve exited with ${code} before listening: ${stderr}`)),
    );
  });
}
