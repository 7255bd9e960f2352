/**
 * A private PostgreSQL server for the query benchmark: its own cluster under the work dir
 * (kept between runs, so loaded data is reused), listening on loopback on a free port with its
 * own socket dir, run as the `postgres` OS user (else `nobody`) when this process is root (initdb and postgres
 * refuse root). Stopped by `stop()`, which is safe to call more than once.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** A running server. */
export interface PgServer {
  port: number;
  /** Loopback address the server listens on. */
  host: string;
  user: string;
  /** Server log file. */
  logFile: string;
  stop(): void;
}

/** Where the PostgreSQL binaries are: the newest `/usr/lib/postgresql/<v>/bin` with initdb. */
export function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Settings of a fair peer on this machine: a 1 GB buffer pool, no JIT, SSD costs, no fsync. */
const SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  shared_buffers: '1GB',
  effective_cache_size: '8GB',
  work_mem: '256MB',
  maintenance_work_mem: '1GB',
  random_page_cost: '1.1',
  jit: 'off',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_wal_size: '8GB',
};

async function freePort(): Promise<number> {
  return await new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => done(port));
    });
  });
}

/** The OS user to run the server as under root: `postgres` if it exists, else `nobody`. */
function serverUser(): string {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return 'postgres';
  } catch {
    return 'nobody';
  }
}

/** Run a PostgreSQL binary, as `asUser` when given (root). */
function runPg(bin: string, args: string[], asUser: string | undefined): string {
  const [cmd, argv] =
    asUser === undefined ? [bin, args] : ['runuser', ['-u', asUser, '--', bin, ...args]];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Start (initialising if needed) the cluster in `dir/pgdata`. Throws with the log's tail when
 * the server does not come up.
 */
export async function startPg(binDir: string, dir: string): Promise<PgServer> {
  const root = process.getuid?.() === 0;
  const asUser = root ? serverUser() : undefined;
  const abs = resolve(dir);
  const dataDir = join(abs, 'pgdata');
  const sockDir = join(abs, 'pgsock');
  const logFile = join(abs, 'pg.log');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(sockDir, { recursive: true });
  if (root) {
    const uid = Number(execFileSync('id', ['-u', asUser as string], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', asUser as string], { encoding: 'utf8' }).trim());
    for (const d of [abs, dataDir, sockDir]) chownSync(d, uid, gid);
  }
  const pgCtl = join(binDir, 'pg_ctl');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    runPg(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
      asUser,
    );
  } else if (existsSync(join(dataDir, 'postmaster.pid'))) {
    // A server left behind by an interrupted run.
    try {
      runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asUser);
    } catch {
      // not running: the pid file is stale and postgres removes it on start
    }
  }
  const port = await freePort();
  const opts = [
    `-p ${port}`,
    `-k ${sockDir}`,
    ...Object.entries(SETTINGS).map(([k, v]) => `-c ${k}=${v}`),
  ].join(' ');
  try {
    runPg(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '120', '-o', opts, 'start'], asUser);
  } catch (cause) {
    throw new Error(`PostgreSQL did not start; see ${logFile}`, { cause });
  }
  let stopped = false;
  return {
    port,
    host: '127.0.0.1',
    user: 'postgres',
    logFile,
    stop() {
      if (stopped) return;
      stopped = true;
      runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asUser);
    },
  };
}
