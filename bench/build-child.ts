/**
 * Child process of the build benchmark: builds one store and prints its time and peak RSS as
 * JSON, so the figure is this build's alone.
 */
import { createDuckDBStore } from '../src/store/index.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: build-child.ts DB');
const store = await createDuckDBStore({ path });
const t = performance.now();
const stats = await store.build();
const seconds = (performance.now() - t) / 1000;
await store.close();
console.log(
  JSON.stringify({ seconds, links: stats.links, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
);
