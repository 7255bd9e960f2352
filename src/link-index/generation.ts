/**
 * Generations on disk: `<indexRoot>/<generation>/` directories and the `CURRENT` pointer,
 * replaced by write-temp-then-rename so a reader sees the old or the new generation, never half.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The pointer file's name. */
export const CURRENT_FILE = 'CURRENT';

/** A new, unique, sortable generation name (`g-20261123T112233Z-1a2b3c`). */
export function newGenerationName(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `g-${stamp}-${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
}

/** The current generation's name, or null when none was published. */
export async function readCurrent(indexRoot: string): Promise<string | null> {
  try {
    const name = (await readFile(join(indexRoot, CURRENT_FILE), 'utf8')).trim();
    return name === '' ? null : name;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Make `generation` current, then delete every generation except it and the one it replaced
 * (a server may still be reading that one).
 */
export async function publishGeneration(indexRoot: string, generation: string): Promise<void> {
  const previous = await readCurrent(indexRoot);
  const tmp = join(indexRoot, `${CURRENT_FILE}.${process.pid}.tmp`);
  await writeFile(tmp, `${generation}\n`);
  await rename(tmp, join(indexRoot, CURRENT_FILE));
  const keep = new Set([generation, previous]);
  for (const entry of await readdir(indexRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || keep.has(entry.name)) continue;
    if (!entry.name.startsWith('g-')) continue;
    await rm(join(indexRoot, entry.name), { recursive: true, force: true });
  }
}

/** Create the directory a generation is written into. */
export async function createGenerationDir(indexRoot: string, generation: string): Promise<string> {
  const dir = join(indexRoot, generation);
  await mkdir(dir, { recursive: true });
  return dir;
}
