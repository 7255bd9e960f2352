/**
 * The official DataForSEO MCP server (npm `dataforseo-mcp-server@2.9.11`, unmodified) over
 * stdio, pointed at `linkgap serve` by a preload that rewrites its `fetch` base URL
 * (spec/clients.md §1b): its `backlinks_page_intersection` tool answers our results.
 *
 * The package is not a devDependency (its `sharp` dependency does not build here); install it
 * beside the repo first (.ci/run does), or the suite is skipped outside CI:
 *   npm install --prefix .tmp/dataforseo-mcp-server --ignore-scripts --no-save dataforseo-mcp-server@2.9.11
 * (or point LINKGAP_DFS_MCP_DIR at such a folder).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, type ServeProcess, startServe, type TestIndex } from './serve-harness.js';

const DIR =
  process.env.LINKGAP_DFS_MCP_DIR ??
  fileURLToPath(new URL('../../.tmp/dataforseo-mcp-server', import.meta.url));
const ENTRY = join(DIR, 'node_modules/dataforseo-mcp-server/build/main/main/index.js');

/** The preload of spec/clients.md §1b: requests to api.dataforseo.com go to DFS_BASE_URL. */
const REDIRECT_FETCH = `const t = process.env.DFS_BASE_URL, o = globalThis.fetch, P = 'https://api.dataforseo.com';
if (t) globalThis.fetch = (i, init) => { let u = typeof i === 'string' ? i : i instanceof URL ? i.href : i.url;
  if (u.startsWith(P)) u = t.replace(/\\/$/, '') + u.slice(P.length);
  return o(typeof i === 'string' || i instanceof URL ? u : new Request(u, i), init); };
`;

/** Our `.ai` answer (docs/http-api.md): task 0's head and `result[0].items`, pruned. */
interface AiBody {
  id: string;
  status_code: number;
  status_message: string;
  items: Array<Record<string, unknown>>;
}

// CI installs the package (.ci/run): there a missing install is a failure, not a skip.
describe.skipIf(process.env.CI !== 'true' && !existsSync(ENTRY))(
  'official dataforseo-mcp-server 2.9.11 against linkgap serve',
  () => {
    let dir: string;
    let index: TestIndex;
    let serve: ServeProcess;
    let client: Client;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'linkgap-dfs-mcp-'));
      index = await buildTestIndex(dir, 200, 11);
      serve = await startServe(['--db', index.db], {
        LINKGAP_API_KEYS: 'me:a-long-secret',
        LINKGAP_CONFIG: '',
      });
      const preload = join(dir, 'redirect-fetch.mjs');
      await writeFile(preload, REDIRECT_FETCH);
      client = new Client({ name: 'e2e-dfs', version: '1.0.0' });
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [ENTRY],
          env: {
            PATH: process.env.PATH ?? '',
            DFS_BASE_URL: serve.url,
            NODE_OPTIONS: `--import=${preload}`,
            DATAFORSEO_USERNAME: 'me',
            DATAFORSEO_PASSWORD: 'a-long-secret',
            ENABLED_MODULES: 'BACKLINKS',
          },
          stderr: 'ignore',
        }),
      );
    });
    afterAll(async () => {
      await client?.close();
      await serve?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    const ours = async (body: unknown): Promise<AiBody> => {
      const res = await fetch(`${serve.url}/v3/backlinks/page_intersection/live.ai`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from('me:a-long-secret').toString('base64')}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return (await res.json()) as AiBody;
    };

    it('backlinks_page_intersection answers our results', async () => {
      const [a, b] = index.topDomains;
      const r = (await client.callTool({
        name: 'backlinks_page_intersection',
        arguments: { targets: [a, b], limit: 5 },
      })) as CallToolResult;
      const text = r.content[0]?.type === 'text' ? r.content[0].text : '';
      const got = JSON.parse(text) as AiBody;
      const expected = await ours([{ targets: { '1': a, '2': b }, limit: 5 }]);
      expect(got.status_code).toBe(20000);
      expect(got.items.length).toBe(5);
      expect(got.items).toEqual(expected.items);
      expect(Object.keys(got.items[0]?.page_intersection as object)).toEqual(['1', '2']);
    });

    it('passes our 40501 message through for an invalid target', async () => {
      const r = (await client.callTool({
        name: 'backlinks_page_intersection',
        arguments: { targets: ['not a host'] },
      })) as CallToolResult;
      const text = r.content[0]?.type === 'text' ? r.content[0].text : '';
      expect(text).toContain("Invalid Field: 'targets'.");
    });
  },
);
