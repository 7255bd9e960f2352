/**
 * `npm run bench -- pagerank [--edges 20m,100m] [--work-dir DIR]`: our PageRank (CSR build +
 * power iteration, src/build/rank) against python3-igraph's PRPACK on the same synthetic
 * power-law graph, each in its own child process. Fails when the two score vectors (both
 * normalised to sum 1) differ by more than 1e-6 at any node.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { edgeFile, textEdgeFile } from './edges.js';

/** Options of the suite. */
export interface PageRankBenchOptions {
  sizes: Array<{ label: string; links: number }>;
  workDir: string;
}

interface Ours {
  nodes: number;
  edges: number;
  readSeconds: number;
  csrSeconds: number;
  pagerankSeconds: number;
  iterations: number;
  converged: boolean;
  maxRssMB: number;
}

interface Igraph {
  version: string;
  nodes: number;
  edges: number;
  loadSeconds: number;
  pagerankSeconds: number;
  maxRssMB: number;
}

const MAX_DIFF = 1e-6;

/** Run the suite; sets a failing exit code when a comparison fails. */
export async function benchPageRank(opts: PageRankBenchOptions): Promise<void> {
  const python = findIgraphPython();
  const report: Record<string, unknown>[] = [];
  for (const size of opts.sizes) {
    let t = performance.now();
    const info = await edgeFile(opts.workDir, size.links);
    const genSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const text = await textEdgeFile(info);
    const textSeconds = (performance.now() - t) / 1000;
    console.log(
      `\n${size.label}: ${info.nodes} nodes, ${info.edges} edges (${info.path}; generated in ` +
        `${genSeconds.toFixed(1)} s, text copy ${textSeconds.toFixed(1)} s; 0 = cached)`,
    );
    const oursPath = join(opts.workDir, `scores-ours-${size.links}.f64`);
    const igraphPath = join(opts.workDir, `scores-igraph-${size.links}.f64`);
    const ours = runJson<Ours>(process.execPath, [
      '--import',
      'tsx',
      join('bench', 'pagerank', 'pagerank-child.ts'),
      info.path,
      String(info.nodes),
      oursPath,
    ]);
    const ig = runJson<Igraph>(python, [
      join('bench', 'pagerank', 'igraph-pagerank.py'),
      text,
      String(info.nodes),
      igraphPath,
    ]);
    const diff = compare(await readScores(oursPath), await readScores(igraphPath));
    const oursTotal = ours.readSeconds + ours.csrSeconds + ours.pagerankSeconds;
    const igTotal = ig.loadSeconds + ig.pagerankSeconds;
    const f = (x: number, d = 2) => x.toFixed(d);
    console.table([
      {
        step: 'load edges (ours: binary file; igraph: text, C reader)',
        linkgap: f(ours.readSeconds),
        igraph: `${f(ig.loadSeconds)} (incl. graph build)`,
      },
      { step: 'graph build (CSR, dedupe)', linkgap: f(ours.csrSeconds), igraph: 'in load' },
      { step: 'PageRank s', linkgap: f(ours.pagerankSeconds), igraph: f(ig.pagerankSeconds) },
      { step: 'iterations', linkgap: ours.iterations, igraph: 'n/a (PRPACK)' },
      {
        step: 's / iteration (igraph: its PageRank s ÷ our iterations)',
        linkgap: f(ours.pagerankSeconds / ours.iterations, 3),
        igraph: f(ig.pagerankSeconds / ours.iterations, 3),
      },
      { step: 'total s', linkgap: f(oursTotal), igraph: f(igTotal) },
      {
        step: 'peak RSS MB (child process)',
        linkgap: f(ours.maxRssMB, 0),
        igraph: f(ig.maxRssMB, 0),
      },
    ]);
    console.log(
      `ratio linkgap/igraph: total ${f(oursTotal / igTotal)}× (goal ≤ 1.5×), PageRank alone ` +
        `${f(ours.pagerankSeconds / ig.pagerankSeconds)}×; max |ours − igraph| = ` +
        `${diff.maxAbs.toExponential(2)} (limit ${MAX_DIFF}), max relative ${diff.maxRel.toExponential(2)}` +
        `; igraph ${ig.version}, ${ig.edges} edges`,
    );
    const ok = diff.maxAbs <= MAX_DIFF && ours.edges === ig.edges && ours.nodes === ig.nodes;
    if (!ok) {
      console.error(`FAIL: PageRank values differ (or the graphs differ) at ${size.label}`);
      process.exitCode = 1;
    }
    report.push({
      size: size.label,
      nodes: info.nodes,
      edges: info.edges,
      ours,
      igraph: ig,
      diff,
      ok,
    });
  }
  await writeFile(join(opts.workDir, 'pagerank-report.json'), JSON.stringify(report, null, 2));
}

/** A Python that imports igraph: apt's python3-igraph lives in the system Python, which a
 * pyenv or venv `python3` on PATH does not see. Installs the package when no Python has it. */
function findIgraphPython(): string {
  const candidates = ['/usr/bin/python3', 'python3'];
  const works = (py: string): boolean => {
    try {
      execFileSync(py, ['-c', 'import igraph'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const found = candidates.find(works);
  if (found !== undefined) return found;
  console.log('python3-igraph missing: apt-get install -y python3-igraph');
  execFileSync('apt-get', ['install', '-y', 'python3-igraph'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return '/usr/bin/python3';
}

function runJson<T>(cmd: string, args: string[]): T {
  const out = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

async function readScores(path: string): Promise<Float64Array> {
  const b = await readFile(path);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

function compare(a: Float64Array, b: Float64Array): { maxAbs: number; maxRel: number } {
  if (a.length !== b.length)
    return { maxAbs: Number.POSITIVE_INFINITY, maxRel: Number.POSITIVE_INFINITY };
  const sa = a.reduce((s, x) => s + x, 0);
  const sb = b.reduce((s, x) => s + x, 0);
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as number) / sa;
    const y = (b[i] as number) / sb;
    const d = Math.abs(x - y);
    if (d > maxAbs) maxAbs = d;
    if (y > 0 && d / y > maxRel) maxRel = d / y;
  }
  return { maxAbs, maxRel };
}
