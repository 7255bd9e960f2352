/**
 * Prepare the query-bench data ahead of a run (generate → ingest → build, cached):
 * `npx tsx bench/query/prepare-data.ts [--work-dir DIR] [--sizes 1m,20m] [--keep-web] [--index]`
 * (`--index` also writes the link index; `--reindex` writes it again).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareIndex } from './index-step.js';
import { parseSizes, prepareStore } from './prepare.js';

const { values } = parseArgs({
  options: {
    'work-dir': { type: 'string', default: join('bench', 'out', 'query') },
    sizes: { type: 'string', default: '1m,20m' },
    'keep-web': { type: 'boolean', default: false },
    index: { type: 'boolean', default: false },
    reindex: { type: 'boolean', default: false },
  },
});
const sizes = parseSizes(values.sizes);
if (sizes === undefined) {
  console.error(`bad --sizes: ${values.sizes}`);
  process.exit(2);
}
for (const s of sizes) {
  const p = await prepareStore(values['work-dir'], s, values['keep-web']);
  console.log(`${s.label}: ${p.db}`);
  if (values.index || values.reindex) {
    const i = await prepareIndex(p.db, values.reindex);
    const took = i.writeSeconds === null ? 'written earlier' : `${i.writeSeconds.toFixed(1)} s`;
    console.log(`${s.label}: ${i.indexRoot} (${took})`);
  }
}
