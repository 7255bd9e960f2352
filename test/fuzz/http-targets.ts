/**
 * Fuzz targets over every HTTP front (DataForSEO live routes, Moz link_intersect, the native API,
 * MCP JSON-RPC), shared by the test suite (a few hundred seeded cases each) and
 * `npm run bench -- fuzz` (hundreds of thousands). Each case is a random or mutated request —
 * valid bodies with parts replaced by any JSON, raw text, deep nesting, odd headers — sent to
 * the app in process; the answer must be the endpoint's own envelope with a fitting status,
 * never a 500 and never a thrown error.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import type { Capture } from '../../src/core/types.js';

/** A request a fuzz case sends. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

/** What a target says of one answer: null when it is right, else what is wrong. */
export type Verdict = string | null;

/** One front: the valid bodies its mutations start from, and how its answers must look. */
export interface FuzzTarget {
  name: string;
  path: string;
  valid: unknown[];
  /** Headers every request carries (credentials, MCP's Accept). */
  headers: Record<string, string>;
  check(status: number, body: string): Verdict;
}

function json(body: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const DATAFORSEO_STATUSES = new Set([200, 401, 405, 413]);

/** The fronts, with `auth` the headers of a valid credential. */
export function fuzzTargets(auth: Record<string, string>): FuzzTarget[] {
  const dataforseo = (path: string, valid: unknown[]): FuzzTarget => ({
    name: path,
    path,
    valid,
    headers: auth,
    check: (status, body) => {
      if (!DATAFORSEO_STATUSES.has(status)) return `HTTP ${status}`;
      if (status === 401) return null;
      const j = json(body);
      if (j === null) return 'not a JSON object';
      if (typeof j.status_code !== 'number') return 'no status_code';
      if ((j.status_code as number) >= 50000) return `status_code ${j.status_code}`;
      const tasks = j.tasks as Array<{ status_code: number }> | undefined;
      if (!Array.isArray(tasks)) return 'no tasks';
      for (const t of tasks) if (t.status_code >= 50000) return `task ${t.status_code}`;
      return null;
    },
  });
  return [
    dataforseo('/v3/backlinks/page_intersection/live', [
      [
        {
          targets: { '1': 'a.com', '2': 'https://b.com/page' },
          exclude_targets: ['c.com'],
          filters: [['1.dofollow', '=', true], 'and', ['1.anchor', 'like', '%see%']],
          order_by: ['1.rank,desc'],
          intersection_mode: 'partial',
          limit: 10,
          offset: 0,
        },
      ],
    ]),
    dataforseo('/v3/backlinks/domain_intersection/live', [
      [
        {
          targets: { '1': 'a.com', '2': 'b.com' },
          filters: ['1.backlinks', '>', 0],
          order_by: ['1.backlinks,desc', 'rank,asc'],
          include_subdomains: false,
          limit: 5,
        },
      ],
    ]),
    {
      name: 'moz link_intersect',
      path: '/v2/link_intersect',
      valid: [
        {
          positive_targets: [
            { target: 'a.com', scope: 'root_domain' },
            { target: 'b.com/page', scope: 'page' },
          ],
          negative_targets: [{ target: 'c.com', scope: 'subdomain' }],
          source_scope: 'page',
          sort: 'source_domain_authority',
          limit: 10,
        },
      ],
      headers: auth,
      check: (status, body) => {
        if (status >= 500) return `HTTP ${status}`;
        const j = json(body);
        if (j === null) return 'not a JSON object';
        if (status === 200) return Array.isArray(j.results) ? null : 'no results';
        return typeof j.name === 'string' && typeof j.message === 'string'
          ? null
          : 'not a Moz error';
      },
    },
    ...['prospects', 'overlap', 'evidence', 'export'].map(
      (route): FuzzTarget => ({
        name: `native ${route}`,
        path: `/api/v1/${route}`,
        valid: [
          {
            query: {
              competitors: [{ value: 'a.com' }, { value: 'https://b.com/page' }],
              mine: [{ value: 'c.com' }],
            },
            limit: 5,
            offset: 0,
            ...(route === 'evidence' ? { source: 'https://s1.example/p' } : {}),
            ...(route === 'export' ? { format: 'csv' } : {}),
          },
        ],
        headers: auth,
        check: (status, body) => {
          if (status >= 500) return `HTTP ${status}`;
          if (status === 200) return null;
          const j = json(body);
          const e = j?.error as { code?: unknown; message?: unknown } | undefined;
          return typeof e?.code === 'string' && typeof e.message === 'string'
            ? null
            : 'not a native error';
        },
      }),
    ),
    {
      name: 'mcp',
      path: '/mcp',
      valid: [
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: {
            name: 'backlinks_page_intersection',
            arguments: { targets: { '1': 'a.com', '2': 'b.com' }, limit: 5 },
          },
        },
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: {
            name: 'link_gap',
            arguments: { competitors: ['a.com', 'b.com'], my_sites: ['c.com'], limit: 5 },
          },
        },
        {
          jsonrpc: '2.0',
          id: 3,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'fuzz', version: '1' },
          },
        },
      ],
      headers: { ...auth, Accept: 'application/json, text/event-stream' },
      check: (status, body) => {
        if (status >= 500) return `HTTP ${status}`;
        if (status === 202 || body === '') return null;
        const j = json(body);
        if (j === null) return 'not a JSON-RPC object';
        if (j.jsonrpc !== '2.0') return 'not JSON-RPC 2.0';
        const err = j.error as { code?: number } | undefined;
        if (err !== undefined && err.code === -32603) return 'internal error';
        const result = j.result as { isError?: boolean; content?: Array<{ text?: string }> };
        if (result?.isError === true && /internal|stack|at .*\.js/i.test(JSON.stringify(result))) {
          return 'tool answered an internal error';
        }
        return null;
      },
    },
  ];
}

/** Any JSON value, nesting included (strings with odd unicode, numbers as strings, big ones). */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    '',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    ' 10 ',
    '\u0000',
    '\ud800',
    '(a+)+$',
    '%',
    'a'.repeat(5_000),
    -1,
    1e21,
    2 ** 53 + 1,
    -0,
    true,
    null,
    [],
    {},
  ),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);

/** A deep nesting of arrays or objects (past any sane parser's recursion). */
const deep = fc
  .tuple(fc.integer({ min: 10, max: 20_000 }), fc.boolean())
  .map(([n, arrays]) =>
    arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  );

type Path = Array<string | number>;

/** Every path into a JSON value (containers included). */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  }
  return out;
}

function replaceAt(v: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  // An earlier edit replaced this container: the path no longer leads anywhere.
  if (typeof v !== 'object' || v === null) return v;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaceAt(x, rest, value) : x));
  const o = v as Record<string, unknown>;
  return { ...o, [head as string]: replaceAt(o[head as string], rest, value) };
}

/** A valid body with one to three of its parts replaced, removed or given extra keys. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const edit = fc.tuple(fc.constantFrom(...paths), anyJson, fc.constantFrom('set', 'add', 'drop'));
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let v = valid;
    for (const [path, value, how] of edits) {
      if (how === 'set') v = replaceAt(v, path, value);
      else if (how === 'drop' && path.length > 0) v = replaceAt(v, path, undefined);
      else v = replaceAt(v, [...path, 'extra_field'], value);
    }
    return v;
  });
}

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
];

/** Requests for `target`: mutated valid bodies, any JSON, raw text, deep nesting, odd headers. */
export function fuzzRequests(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const body = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...target.valid)
        .chain(mutated)
        .map((v) => JSON.stringify(v) ?? 'null'),
    },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: deep },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...target.valid), fc.nat()).map(([v, cut]) => {
        const s = JSON.stringify(v);
        return s.slice(0, cut % (s.length + 1));
      }),
    },
  );
  const headers = fc.record(
    {
      'content-type': fc.constantFrom(...CONTENT_TYPES),
      authorization: fc.oneof(
        fc.constant(target.headers.Authorization ?? ''),
        fc.constantFrom('Basic', 'Basic !!!', 'Bearer ', `Basic ${'A'.repeat(9000)}`, 'Digest x'),
      ),
      accept: fc.constantFrom(
        target.headers.Accept ?? 'application/json',
        '*/*',
        'text/html',
        'application/json, text/event-stream',
      ),
    },
    { requiredKeys: ['content-type'] },
  );
  return fc
    .tuple(body, headers, fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'))
    .map(([b, h, method]) => {
      const all: Record<string, string> = { ...target.headers, ...h };
      if (h.authorization === undefined) all.authorization = target.headers.Authorization ?? '';
      delete all.Authorization;
      delete all.Accept;
      if (all.authorization === '') delete all.authorization;
      if (all['content-type'] === '') delete all['content-type'];
      return { method, path: target.path, headers: all, body: method === 'GET' ? null : b };
    });
}

/** Send one fuzz request to the app in process. */
export async function send(
  app: Pick<Hono, 'fetch'>,
  r: FuzzRequest,
): Promise<{ status: number; body: string }> {
  const res = await app.fetch(
    new Request(`http://127.0.0.1${r.path}`, {
      method: r.method,
      headers: { host: '127.0.0.1', ...r.headers },
      ...(r.body === null ? {} : { body: r.body }),
    }),
  );
  return { status: res.status, body: await res.text() };
}

/** Run `runs` seeded cases against `target`; returns the cases run (throws on the first failure). */
export async function fuzzTarget(
  app: Pick<Hono, 'fetch'>,
  target: FuzzTarget,
  opts: { runs: number; seed: number },
): Promise<number> {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(fuzzRequests(target), async (r) => {
      cases++;
      const { status, body } = await send(app, r);
      const verdict = target.check(status, body);
      if (verdict !== null) {
        throw new Error(`${target.name}: ${verdict}\nanswer ${status}: ${body.slice(0, 500)}`);
      }
    }),
    { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
  );
  return cases;
}

/** A small web: sources linking to a.com, b.com/page and c.com in different mixes. */
export function fuzzCaptures(): Capture[] {
  const out: Capture[] = [];
  for (let i = 0; i < 12; i++) {
    const links = [];
    if (i % 2 === 0) links.push({ url: 'https://a.com/', item_type: 'anchor', anchor: 'see a' });
    if (i % 3 === 0) links.push({ url: 'https://b.com/page', item_type: 'anchor', anchor: 'b' });
    if (i % 4 === 0) links.push({ url: 'https://c.com/', item_type: 'anchor', rel: ['nofollow'] });
    out.push({
      url: `https://s${i % 5}.example/p${i}`,
      fetched_at: '2026-03-01T00:00:00Z',
      status: 200,
      title: `page ${i}`,
      links: links as Capture['links'],
    });
  }
  return out;
}
