/**
 * The `linkgap` program: every command registered with the shared context. This is the one
 * place that constructs a store.
 */
import { Command } from 'commander';
import { createDuckDBStore, type LinkStore } from '../store/index.js';
import { EXIT } from './cli-error.js';
import { buildCommand } from './commands/build.js';
import type { CliContext } from './commands/context.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { generateCommand } from './commands/generate.js';
import { hashSecretCommand } from './commands/hash-secret.js';
import { ingestCommand } from './commands/ingest.js';
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
  buildCommand(program, ctx);
  exportCommand(program, ctx);
  statsCommand(program, ctx);
  serveCommand(program, ctx);
  hashSecretCommand(program, ctx);
  return { program, exitCode: () => exitCode };
}
