/**
 * The build steps with progress, shared by `build`, `demo`, `recheck` and `build --store`: the
 * store's build, then the link index generation beside the store file.
 */
import type { IndexInfo } from '../../engine/index.js';
import { indexRootFor, writeLinkIndex } from '../../link-index/index.js';
import type { BuildStats, LinkStore, StepProgress } from '../../store/index.js';
import { createProgress, formatCount, type Progress } from '../progress.js';

/** A `StepProgress` that shows a bar (or plain lines) sized by the total the steps report. */
function stepBar(name: string, quiet: boolean): { onStep: StepProgress; stop: () => void } {
  let progress: Progress | undefined;
  return {
    onStep: (step, index, total) => {
      progress ??= createProgress(total, `${name} |{bar}| {step}`, (_, f) => `build: ${f.step}`, {
        quiet,
        intervalMs: 0,
      });
      progress.update(index, { step });
    },
    stop: () => progress?.stop(),
  };
}

/** Run a build with progress. */
export async function runBuild(store: LinkStore, quiet = false): Promise<BuildStats> {
  const bar = stepBar('build', quiet);
  try {
    return await store.build(bar.onStep);
  } finally {
    bar.stop();
  }
}

/** Write the link index generation of a fresh build (beside the store file), with progress. */
export async function runIndex(
  store: LinkStore,
  dbPath: string,
  quiet = false,
): Promise<IndexInfo> {
  const bar = stepBar('index', quiet);
  try {
    return await writeLinkIndex(store, indexRootFor(dbPath), bar.onStep);
  } finally {
    bar.stop();
  }
}

/** Summary line of a written index generation. */
export function describeIndex(i: IndexInfo, dbPath: string): string {
  return `link index ${i.generation} written to ${indexRootFor(dbPath)}`;
}

/** Summary lines of a build. */
export function describeBuild(s: BuildStats): string[] {
  return [
    `built in ${s.seconds.toFixed(1)} s: ${formatCount(s.pages)} pages, ${formatCount(s.links)} links ` +
      `(${formatCount(s.liveLinks)} live, ${formatCount(s.lostLinks)} lost, ` +
      `${formatCount(s.indirectLinks)} indirect), ${formatCount(s.referringDomains)} referring domains`,
  ];
}
