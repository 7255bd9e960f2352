/**
 * Loads the `roaring` addon. Its loader (node-pre-gyp) parses the *process's* command line for
 * its own options, so `linkgap demo --dir X` made it look for the addon under X. It gets a
 * command line without our flags while it loads.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loadRoaring(): typeof import('roaring') {
  const argv = process.argv;
  process.argv = argv.slice(0, 2);
  try {
    return require('roaring') as typeof import('roaring');
  } finally {
    process.argv = argv;
  }
}

/** The `roaring` module. */
export const roaring = loadRoaring();
