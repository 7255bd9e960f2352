/**
 * Where the built web UI is: `dist/web/` beside the built CLI (`dist/cli/commands/…`), or, when
 * the CLI runs from `src/` (tsx), the checkout's `dist/web/`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The directory holding the UI's `index.html`, or null when the UI is not built. */
export function webUiRoot(): string | null {
  for (const rel of ['../../web/', '../../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
}
