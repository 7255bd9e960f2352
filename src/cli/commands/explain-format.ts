/**
 * Text and JSON renderings of `linkgap explain`: the page facts with every fired spam signal
 * spelled out (weight and meaning), or a site's summary.
 */
import { SPAM_SIGNALS, signalsOf } from '../../build/spam/index.js';
import type { PageFacts, SiteFacts, TargetFacts } from '../../store/index.js';
import { renderTable } from '../output/table.js';

const BY_BIT = new Map(SPAM_SIGNALS.map((s) => [s.bit, s]));

/** The JSON object `--json` prints: the facts plus each signal's code, weight and meaning. */
export function explainJson(f: TargetFacts): Record<string, unknown> {
  if (f.kind === 'page') {
    return { ...f, signals: f.spamSignals === null ? [] : signalsOf(f.spamSignals) };
  }
  return {
    ...f,
    signalPages: f.signalPages.map((s) => ({ ...BY_BIT.get(s.bit), bit: s.bit, pages: s.pages })),
    topPages: f.topPages.map((p) => ({
      ...p,
      signals: signalsOf(p.spamSignals).map((s) => s.code),
    })),
  };
}

/** Lines describing the facts for a terminal. */
export function explainLines(f: TargetFacts): string[] {
  return f.kind === 'page' ? pageLines(f) : siteLines(f);
}

function pageLines(f: PageFacts): string[] {
  const lines = [
    `url:            ${f.url}`,
    `spam score:     ${f.spamScore === null ? '- (no 2xx HTML capture to score)' : `${f.spamScore}/100 (${band(f.spamScore)})`}`,
    `host score:     ${dash(f.hostSpamScore)} (${f.host}), domain score: ${dash(f.domainSpamScore)} (${f.domain})`,
    `page rank:      ${dash(f.pageRank)}`,
    `domain rank:    ${dash(f.domainRank)}`,
    `platform types: ${f.platformTypes === null ? '-' : f.platformTypes.join(', ')}`,
    `host IP:        ${f.hostIp ?? '-'}${f.country === null ? '' : ` (${f.country})`}`,
    `technical host: ${f.isTechnical ? 'yes' : 'no'}`,
  ];
  if (f.spamSignals !== null) {
    const fired = signalsOf(f.spamSignals);
    lines.push('');
    if (fired.length === 0) lines.push('no spam signal fired');
    else {
      lines.push(
        ...renderTable(
          ['signal', 'weight', 'description'],
          fired.map((s) => [s.code, signed(s.weight), s.description]),
          90,
        ),
      );
      const sum = fired.reduce((a, s) => a + s.weight, 0);
      lines.push(`sum ${signed(sum)}, clamped to 0–100: ${f.spamScore}`);
    }
  }
  return lines;
}

function siteLines(f: SiteFacts): string[] {
  const lines = [
    `${f.kind}:${' '.repeat(f.kind === 'host' ? 11 : 9)}${f.name}${f.kind === 'host' ? ` (domain ${f.domain})` : ''}`,
    `spam score:     ${f.spamScore === null ? '-' : `${f.spamScore}/100 (${band(f.spamScore)})`}, mean over ${f.pagesScored} scored of ${f.pages} pages`,
    `domain rank:    ${dash(f.domainRank)}`,
    `platform types: ${f.platformTypes === null ? '-' : f.platformTypes.join(', ')}`,
  ];
  if (f.kind === 'host') {
    lines.push(`host IP:        ${f.hostIp ?? '-'}${f.country === null ? '' : ` (${f.country})`}`);
  }
  lines.push(`technical host: ${f.isTechnical ? 'yes' : 'no'}`);
  if (f.signalPages.length > 0) {
    lines.push(
      '',
      ...renderTable(
        ['signal', 'weight', 'pages', 'description'],
        f.signalPages.map((s) => {
          const sig = BY_BIT.get(s.bit);
          return [
            sig?.code ?? `bit ${s.bit}`,
            signed(sig?.weight ?? 0),
            String(s.pages),
            sig?.description ?? '',
          ];
        }),
        90,
      ),
    );
  }
  if (f.topPages.length > 0) {
    lines.push(
      '',
      'highest-scoring pages:',
      ...renderTable(
        ['score', 'url', 'signals'],
        f.topPages.map((p) => [
          String(p.spamScore),
          p.url,
          signalsOf(p.spamSignals)
            .filter((s) => s.weight > 0)
            .map((s) => s.code)
            .join(' '),
        ]),
        80,
      ),
    );
  }
  return lines;
}

/** DataForSEO's bands: 0–30 low, 31–60 medium, 61–100 high. */
function band(score: number): string {
  return score <= 30 ? 'low' : score <= 60 ? 'medium' : 'high';
}

function dash(n: number | null): string {
  return n === null ? '-' : String(n);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
