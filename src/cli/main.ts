#!/usr/bin/env node
/**
 * The `linkgap` executable: parse, run, map errors to messages and exit codes.
 */
import { CommanderError } from 'commander';
import { EXIT, reportError } from './cli-error.js';
import { createProgram } from './program.js';

// A reader that stops early (`linkgap export … | head`) closes the pipe: that is success.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

async function main(): Promise<void> {
  const { program, exitCode } = createProgram();
  try {
    await program.parseAsync(process.argv);
    process.exitCode = exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else commander refuses is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = reportError(error, (line) => process.stderr.write(`${line}\n`));
  }
}

await main();
