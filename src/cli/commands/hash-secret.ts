/**
 * `linkgap hash-secret`: print the salted hash of a secret read from stdin, for the
 * `password_hash` / `token_hash` fields of the `serve` config file.
 */
import type { Command } from 'commander';
import { hashSecret } from '../../api/index.js';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from './context.js';

/** Read all of stdin as UTF-8. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Register `hash-secret`. */
export function hashSecretCommand(program: Command, ctx: CliContext): void {
  program
    .command('hash-secret')
    .description('print sha256:<salt>:<hash> of the secret on stdin (for the serve config file)')
    .addHelpText(
      'after',
      `\nExample:\n  printf %s 'a-long-random-secret' | linkgap hash-secret   # → "password_hash" or "token_hash"`,
    )
    .action(async () => {
      const secret = (await readStdin()).replace(/\r?\n$/, '');
      if (secret === '') throw new CliError('give the secret on stdin', EXIT.usage);
      ctx.out(hashSecret(secret));
    });
}
