/**
 * The `linkgap` program: every command registered with the shared context. This is the one
 * place that constructs a store.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { openEngine } from '../engine/index.js';
import { indexRootFor } from '../link-index/index.js';
import { openClickHouseEngineAt } from '../scale-out/index.js';
import { isClickHouseUrl } from '../store/clickhouse/index.js';
import { createDuckDBStore, type LinkStore } from '../store/index.js';
import { CliError, EXIT } from './cli-error.js';
import { buildCommand } from './commands/build.js';
import type { CliContext } from './commands/context.js';
import { crawlCommand } from './commands/crawl.js';
import { demoCommand } from './commands/demo.js';
import { explainCommand } from './commands/explain.js';
import { exportCommand } from './commands/export.js';
import { gapCommand } from './commands/gap.js';
import { generateCommand } from './commands/generate.js';
import { hashSecretCommand } from './commands/hash-secret.js';
import { ingestCommand } from './commands/ingest.js';
import { mcpCommand } from './commands/mcp.js';
import { migrateCommand } from './commands/migrate.js';
import { recheckCommand } from './commands/recheck.js';
import { serveCommand } from './commands/serve.js';
import { statsCommand } from './commands/stats.js';

const DEFAULT_DB = './linkgap.duckdb';

/** Build the program; exported for tests that drive it in-process. */
export function createProgram(): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const ctx: CliContext = {
    withDb: (cmd) => cmd.option('--db <file>', 'DuckDB file of the index', DEFAULT_DB),
    withStore: async (db, body) => {
      const store: LinkStore = await createDuckDBStore({ path: db });
      try {
        return await body(store);
      } finally {
        await store.close();
      }
    },
    withStoreUrl: (cmd) =>
      cmd.option(
        '--store <url>',
        'a ClickHouse store (clickhouse://host:8123/db or chdb:DIR) instead of the index beside --db',
      ),
    withEngine: async (db, body) => {
      if (isClickHouseUrl(db)) {
        const engine = await openClickHouseEngineAt(db);
        try {
          return await body(engine);
        } finally {
          await engine.close();
        }
      }
      const root = indexRootFor(db);
      if (!existsSync(join(root, 'CURRENT'))) {
        throw new CliError(`no link index beside ${db}: run \`linkgap build --db ${db}\` first`);
      }
      const engine = await openEngine(root);
      try {
        return await body(engine);
      } finally {
        await engine.close();
      }
    },
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('linkgap')
    .description('linkgap: a self-hosted backlink index with link intersection (link gap)')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  demoCommand(program, ctx);
  generateCommand(program, ctx);
  ingestCommand(program, ctx);
  crawlCommand(program, ctx);
  recheckCommand(program, ctx);
  buildCommand(program, ctx);
  exportCommand(program, ctx);
  migrateCommand(program, ctx);
  statsCommand(program, ctx);
  explainCommand(program, ctx);
  gapCommand(program, ctx);
  serveCommand(program, ctx);
  mcpCommand(program, ctx);
  hashSecretCommand(program, ctx);
  return { program, exitCode: () => exitCode };
}
