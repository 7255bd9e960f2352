/**
 * ClickHouse servers for tests: Debian's clickhouse-server 18.16 started as the current user
 * from generated config files in a temporary directory (one process per shard, loopback only,
 * free ports, stopped by pid), and chdb (ClickHouse 26.x in-process) from `.tmp/chdb`, where
 * `.ci/run` installs it. Under CI a missing server or chdb fails the suite instead of skipping.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function clickhouseServerAvailable(): boolean {
  return existsSync(CLICKHOUSE_SERVER);
}

/** The chdb package directory, or null when it is not installed. */
export function chdbModulePath(): string | null {
  const candidates = [process.env.LINKGAP_CHDB_MODULE, join(ROOT, '.tmp/chdb/node_modules/chdb')];
  for (const c of candidates) if (c !== undefined && c !== '' && existsSync(c)) return c;
  return null;
}

/** A free loopback TCP port. */
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

interface Node {
  dir: string;
  http: number;
  tcp: number;
  interserver: number;
}

function configXml(n: Node, all: Node[]): string {
  const shards = all
    .map((s) => `<shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`)
    .join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${n.dir}/server.log</log><errorlog>${n.dir}/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${n.http}</http_port>
  <tcp_port>${n.tcp}</tcp_port>
  <interserver_http_port>${n.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>64</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>67108864</mark_cache_size>
  <path>${n.dir}/data/</path>
  <tmp_path>${n.dir}/tmp/</tmp_path>
  <user_files_path>${n.dir}/user_files/</user_files_path>
  <format_schema_path>${n.dir}/format_schemas/</format_schema_path>
  <users_config>${n.dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers><lg>${shards}</lg></remote_servers>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default></profiles>
  <users><default><password></password><networks><ip>::1</ip><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

async function ping(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ping`);
    return res.ok && (await res.text()).startsWith('Ok');
  } catch {
    return false;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A running set of servers. */
export interface StartedClickHouse {
  /** The `--store` URL of all of them (one shard each). */
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

/** Start `shards` clickhouse-server processes forming cluster `lg`. */
export async function startClickHouse(shards = 1): Promise<StartedClickHouse> {
  if (!clickhouseServerAvailable()) throw new Error(`${CLICKHOUSE_SERVER} is not installed`);
  const root = mkdtempSync(join(tmpdir(), 'linkgap-clickhouse-'));
  const nodes: Node[] = [];
  for (let i = 0; i < shards; i++) {
    const dir = join(root, `node${i}`);
    mkdirSync(dir, { recursive: true });
    nodes.push({
      dir,
      http: await freePort(),
      tcp: await freePort(),
      interserver: await freePort(),
    });
  }
  const procs: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((ok) => {
            if (p.exitCode !== null || p.signalCode !== null) return ok();
            const kill = setTimeout(() => p.kill('SIGKILL'), 10_000);
            p.once('exit', () => {
              clearTimeout(kill);
              ok();
            });
            p.kill('SIGTERM');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };
  try {
    for (const n of nodes) {
      writeFileSync(join(n.dir, 'config.xml'), configXml(n, nodes));
      writeFileSync(join(n.dir, 'users.xml'), USERS_XML);
      const p = spawn(CLICKHOUSE_SERVER, [`--config-file=${join(n.dir, 'config.xml')}`], {
        cwd: n.dir,
        stdio: 'ignore',
      });
      procs.push(p);
    }
    const deadline = Date.now() + 30_000;
    for (const [i, n] of nodes.entries()) {
      while (!(await ping(n.http))) {
        const p = procs[i] as ChildProcess;
        if (p.exitCode !== null || Date.now() > deadline) {
          throw new Error(`clickhouse-server did not start:\n${tail(join(n.dir, 'error.log'))}`);
        }
        await new Promise((ok) => setTimeout(ok, 50));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const hosts = nodes.map((n) => `127.0.0.1:${n.http}`).join(',');
  return { url: `clickhouse://${hosts}/linkgap`, ports: nodes.map((n) => n.http), stop };
}

/** One ClickHouse implementation the conformance suites run against. */
export interface ClickHouseBackend {
  name: string;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const CI = process.env.CI === 'true';

/**
 * The backends a suite runs on: a single 18.16 node, a 2-shard 18.16 cluster and chdb. Locally a
 * missing one is left out (with a note); under CI it stays and its start fails the suite.
 */
export function clickhouseBackends(): ClickHouseBackend[] {
  const out: ClickHouseBackend[] = [];
  if (clickhouseServerAvailable() || CI) {
    out.push({ name: '18.16 single node', start: () => startClickHouse(1) });
    out.push({ name: '18.16 2-shard cluster', start: () => startClickHouse(2) });
  } else console.warn(`skipping ClickHouse 18.16: ${CLICKHOUSE_SERVER} is not installed`);
  const chdb = chdbModulePath();
  if (chdb !== null || CI) {
    out.push({
      name: 'chdb 26.x',
      start: async () => {
        if (chdb === null) throw new Error('chdb is not installed in .tmp/chdb (see .ci/run)');
        const dir = mkdtempSync(join(tmpdir(), 'linkgap-chdb-'));
        return {
          url: `chdb:${dir}?module=${encodeURIComponent(chdb)}`,
          stop: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    });
  } else console.warn('skipping chdb: not installed in .tmp/chdb (see .ci/run)');
  return out;
}
