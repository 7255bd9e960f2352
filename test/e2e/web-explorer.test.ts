/**
 * The link-gap explorer in a real headless Chromium against a real `linkgap serve`: a small
 * generated web is ingested and built with the CLI, then the test fills the form, runs it, sorts,
 * pages, opens evidence, opens the overlap view, downloads the CSV export, checks the index page,
 * the 390 px layout and the shareable URL, a refused question and slow answers (nothing of an
 * earlier question may stay on screen under a new one), and "verify these prospects" against a
 * stubbed `/api/v1/verify` (the real one fetches pages from the web; test/e2e/serve covers it). What the page shows is compared with the native API's
 * own answers. Screenshots go to test-artifacts/web/.
 *
 * Needs Debian's `chromium` (`/usr/bin/chromium`, or LINKGAP_CHROMIUM); without it the suite is
 * skipped, except in CI (`CI=true`, where .ci/run installs it) where a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeExploreParams } from '../../src/api/native/explore-params.js';
import type {
  EvidenceResponse,
  ExploreQuery,
  IndexSummary,
  OverlapResponse,
  ProspectRow,
  ProspectSort,
  ProspectsResponse,
  VerifiedPage,
  VerifyRequest,
  VerifyResponse,
} from '../../src/api/native/types.js';
import { hasChromium, launchChromium } from './chromium.js';
import { buildTestIndex, type ServeProcess, startServe, type TestIndex } from './serve-harness.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/web/', import.meta.url));
const WEB_BUILD = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const NO_CREDENTIALS = { LINKGAP_API_KEYS: '', LINKGAP_CONFIG: '' };
const POLL = { timeout: 20_000, interval: 100 };

/** The few browser globals the page-side callbacks use (this tsconfig has no DOM library). */
interface BoxLike {
  id: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): Iterable<BoxLike>;
}
interface BrowserGlobals {
  innerWidth: number;
  document: {
    activeElement: unknown;
    documentElement: { scrollWidth: number };
    querySelector(selector: string): BoxLike | null;
  };
}

/** An RFC 4180 CSV text as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * A live check of `req.prospects` as a server would answer it: the first page removed its link
 * to the first competitor it linked to, the second is gone (404), the others still link, each
 * with the anchor `anchor N` (N = the competitor's 1-based number).
 */
function fakeVerify(
  req: VerifyRequest,
  rows: readonly ProspectRow[],
  competitors: readonly string[],
  checkedAt: string,
): VerifyResponse {
  const linkedOf = new Map(rows.map((r) => [r.prospect, r.linked]));
  const checks = req.prospects.map((url, p): VerifiedPage => {
    const linked = linkedOf.get(url) ?? [];
    const removed = p === 0 ? linked.indexOf(true) : -1;
    return {
      url,
      checkedAt,
      status: p === 1 ? 404 : 200,
      page: p === 1 ? 'gone' : 'ok',
      redirect: null,
      error: null,
      targets: competitors.map((target, i) => {
        const indexed = linked[i] === true;
        const verdict =
          p === 1 ? 'unknown' : i === removed ? 'removed' : indexed ? 'links' : 'absent';
        const anchors = verdict === 'links' ? [`anchor ${i + 1}`] : [];
        return { key: String(i + 1), target, indexed, verdict, anchors };
      }),
    };
  });
  return { generation: 'g-test', builtAt: checkedAt, checks, tookMs: 4321 };
}

describe.skipIf(process.env.CI !== 'true' && !hasChromium())('web explorer in Chromium', () => {
  let dir: string;
  let index: TestIndex;
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  /** Set by the step whose stubbed 400 answer the browser reports as a failed load. */
  let expect400 = false;
  /** The page URL after sorting and paging, shared with a second browser below. */
  let shared = '';
  let sharedRows: string[] = [];

  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${serve.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as T;
  };
  /** The query, sort and window the page URL holds, as the API takes them. */
  const stateOf = (url: string) => {
    const p = new URL(url).searchParams;
    const { query, sort } = decodeExploreParams(p);
    return {
      query: query as unknown as ExploreQuery,
      sort: (sort ?? { field: 'matches', dir: 'desc' }) as unknown as ProspectSort,
      offset: Number(p.get('o') ?? 0),
      limit: Number(p.get('n') ?? 50),
    };
  };
  const expectedRows = async (url: string): Promise<ProspectsResponse> =>
    api<ProspectsResponse>('/api/v1/prospects', stateOf(url));
  const shownRows = (p: Page): Promise<string[]> =>
    p.$$eval('table.prospects tbody tr.row', (trs) =>
      trs.map((tr) => tr.getAttribute('data-prospect') ?? ''),
    );
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const watch = (p: Page) => {
    p.on('console', (m) => {
      const refused =
        expect400 &&
        /status of 400/.test(m.text()) &&
        m.location().url.endsWith('/api/v1/prospects');
      if (m.type() === 'error' && !refused) problems.push(`console: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };

  beforeAll(async () => {
    expect(existsSync(WEB_BUILD), 'dist/web is missing: run npm run build').toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'linkgap-web-'));
    index = await buildTestIndex(dir, 2000, 3);
    serve = await startServe(['--db', index.db, '--no-auth'], NO_CREDENTIALS);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('serves the UI with its CSP and asks for competitors first', async () => {
    const res = await page.goto(serve.url);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('button', { name: /Try an example/ }).waitFor();
    await page.getByRole('button', { name: 'Find prospects' }).click();
    const input = page.locator('#c-0-value');
    await expect.poll(() => input.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await page.locator('#c-0-value-error').textContent()).toContain(
      'at least one competitor',
    );
    await expect
      .poll(
        () =>
          input.evaluate(
            (e) => e === (globalThis as unknown as BrowserGlobals).document.activeElement,
          ),
        POLL,
      )
      .toBe(true);
  });

  it('runs a filled-in form and shows the API rows and total', async () => {
    const [a, b, c, mine] = index.topDomains;
    expect(mine).toBeDefined();
    await page.fill('#c-0-value', a as string);
    await page.click('#c-add');
    await page.fill('#c-1-value', b as string);
    await page.click('#c-add');
    await page.fill('#c-2-value', c as string);
    await page.selectOption('#c-2-scope', 'subdomains');
    await page.click('#m-add');
    await page.fill('#m-0-value', mine as string);
    await page.check('#f-mode-pages');
    await page.selectOption('#f-minMatching', '1');
    await page.check('#f-excludeTechnicalHosts');
    await shot(page, 'form');
    await page.getByRole('button', { name: 'Find prospects' }).click();
    await page.waitForURL(/[?&]k=1/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('c')).toEqual([a, b, `subdomains:${c}`]);
    expect(url.searchParams.getAll('m')).toEqual([mine]);
    expect(url.searchParams.get('mode')).toBe('pages');
    expect(url.searchParams.get('tech')).toBe('1');

    const want = await expectedRows(page.url());
    expect(want.total, 'the question should need more than one page').toBeGreaterThan(50);
    await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
    await expect
      .poll(() => page.locator('#results-title').textContent(), POLL)
      .toBe(`${want.total.toLocaleString('en-US')} prospects`);
    expect(await page.locator('.results .meta').textContent()).toMatch(/\d+ ms/);
    // One ✓ column per competitor, matching `linked`.
    const first = want.items[0] as ProspectRow;
    const ticks = await page
      .locator('table.prospects tbody tr.row')
      .first()
      .locator('td.tick')
      .evaluateAll((tds) => tds.map((td) => td.classList.contains('yes')));
    expect(ticks).toEqual(first.linked);
    await shot(page, 'results');
  });

  it('sorts by a clicked header, with aria-sort', async () => {
    const header = page.locator('th:has(button[data-sort="domain_rank"])');
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.locator('button').click();
    await page.waitForURL(/sort=domain_rank\.desc/);
    await expect.poll(() => header.getAttribute('aria-sort'), POLL).toBe('descending');
    expect(
      await page.locator('th:has(button[data-sort="matches"])').getAttribute('aria-sort'),
    ).toBe('none');
    const want = await expectedRows(page.url());
    await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
    const ranks = want.items.map((r) => r.domainRank ?? -1);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    await shot(page, 'sorted');
  });

  it('pages forward', async () => {
    await page.getByRole('button', { name: /Next/ }).click();
    await page.waitForURL(/[?&]o=50/);
    const want = await expectedRows(page.url());
    expect(want.offset).toBe(50);
    await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
    expect(await page.locator('.pager-range').textContent()).toContain(
      `Rows 51–${50 + want.items.length} of`,
    );
    shared = page.url();
    sharedRows = want.items.map((r) => r.prospect);
  });

  it('opens a row’s evidence from the keyboard', async () => {
    const row = page.locator('table.prospects tbody tr.row').first();
    const prospect = (await row.getAttribute('data-prospect')) as string;
    const button = row.locator('button.expand');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded'), POLL).toBe('true');
    const panel = page.locator('.evidence-row .evidence');
    await panel.waitFor();
    const { query } = stateOf(page.url());
    const want = await api<EvidenceResponse>('/api/v1/evidence', { query, prospect, limit: 200 });
    const sections = panel.locator('.ev-target');
    expect(await sections.count()).toBe(want.competitors.length);
    const withLinks = want.competitors.findIndex((c) => c.links.length > 0);
    expect(withLinks).toBeGreaterThanOrEqual(0);
    const target = want.competitors[withLinks] as EvidenceResponse['competitors'][number];
    const section = sections.nth(withLinks);
    expect(await section.locator('h3').textContent()).toContain(
      `${target.total.toLocaleString('en-US')} backlink`,
    );
    expect(await section.locator('.ev-link').count()).toBe(Math.min(5, target.links.length));
    const link = target.links[0] as EvidenceResponse['competitors'][number]['links'][number];
    const item = section.locator('.ev-link').first();
    expect(await item.locator('.ev-urls a').getAttribute('href')).toBe(link.urlFrom);
    expect(await item.locator('.ev-facts').textContent()).toContain(link.itemType);
    expect(await item.locator('.ev-facts').textContent()).toContain(
      `first seen ${link.firstSeen.slice(0, 10)}`,
    );
    if (link.anchor !== null && link.anchor !== '') {
      expect(await item.locator('.ev-anchor').textContent()).toBe(link.anchor);
    }
    await shot(page, 'evidence');
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded'), POLL).toBe('false');
  });

  it('shows the overlap view', async () => {
    await page.locator('.tabs a', { hasText: 'Overlap' }).click();
    await page.waitForURL(/view=overlap/);
    const { query } = stateOf(page.url());
    const want = await api<OverlapResponse>('/api/v1/overlap', { query, combinations: 10 });
    const counts = page.locator('.bars').first().locator('.bar-value');
    await expect
      .poll(() => counts.allTextContents(), POLL)
      .toEqual(want.byCount.map((n) => n.toLocaleString('en-US')));
    expect(await page.locator('.bars').nth(1).locator('.bar-item').count()).toBe(
      want.combinations.length,
    );
    const bar = page.locator('.bars').first().locator('rect.bar-fill').first();
    expect(Number(await bar.getAttribute('width'))).toBeGreaterThan(0);
    expect(await page.locator('table.freshness tbody tr').count()).toBe(query.competitors.length);
    await shot(page, 'overlap');
  });

  it('downloads the CSV export with the same rows in the same order as the API', async () => {
    await page.locator('.tabs a', { hasText: 'Prospects' }).click();
    await page.waitForSelector('table.prospects');
    const state = stateOf(page.url());
    const all: ProspectRow[] = [];
    let total = Number.POSITIVE_INFINITY;
    while (all.length < total) {
      const r = await api<ProspectsResponse>('/api/v1/prospects', {
        query: state.query,
        sort: state.sort,
        offset: all.length,
        limit: 1000,
      });
      total = r.total;
      all.push(...r.items);
      if (r.items.length === 0) break;
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = parseCsv(await readFile(await download.path(), 'utf8'));
    const header = csv[0] as string[];
    expect(header).toEqual([
      'prospect',
      'title',
      'domain_rank',
      'page_rank',
      'spam_score',
      'matches',
      'backlinks',
      'first_seen',
      'last_seen',
      'links_to_1',
      'links_to_2',
      'links_to_3',
    ]);
    const body = csv.slice(1);
    expect(body.length).toBe(total);
    expect(body.map((r) => r[0])).toEqual(all.map((r) => r.prospect));
    expect(body.map((r) => Number(r[5]))).toEqual(all.map((r) => r.matches));
    expect(body.map((r) => r.slice(9).map((v) => v === 'true'))).toEqual(all.map((r) => r.linked));
    const href = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/export\?.*format=json/);
  });

  it('shows what is in the index and the competitors’ freshness', async () => {
    const summary = await api<IndexSummary>('/api/v1/index');
    await page.locator('.main-nav a', { hasText: 'Index' }).click();
    await page.waitForURL(/view=index/);
    const fact = (name: string) =>
      page.locator('.fact', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
    await fact('Links').waitFor();
    expect(await fact('Links').locator('dd').textContent()).toBe(
      summary.links.toLocaleString('en-US'),
    );
    expect(await fact('Pages').locator('dd').textContent()).toBe(
      summary.pages.toLocaleString('en-US'),
    );
    expect(await page.locator('ul[aria-label="Crawl days"] li').count()).toBe(
      summary.crawlDates.length,
    );
    await expect.poll(() => page.locator('table.freshness tbody tr').count(), POLL).toBe(3);
    await shot(page, 'index');
  });

  it('reloads a shared URL into the same rows', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await other.newPage();
      watch(p);
      await p.goto(shared);
      await expect.poll(() => shownRows(p), POLL).toEqual(sharedRows);
      expect(
        await p.locator('th:has(button[data-sort="domain_rank"])').getAttribute('aria-sort'),
      ).toBe('descending');
      expect(await p.locator('#c-2-scope').inputValue()).toBe('subdomains');
      expect(await p.locator('#f-mode-pages').isChecked()).toBe(true);
      await p.reload();
      await expect.poll(() => shownRows(p), POLL).toEqual(sharedRows);
    } finally {
      await other.close();
    }
  });

  it('fits a 390 px screen: the form does not overflow, the table scrolls in its box', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const p = await narrow.newPage();
      watch(p);
      await p.goto(shared);
      await expect.poll(() => shownRows(p), POLL).toEqual(sharedRows);
      const sizes = await p.evaluate(() => {
        const w = globalThis as unknown as BrowserGlobals;
        const form = w.document.querySelector('form.ask') as BoxLike;
        const overflowing = [...form.querySelectorAll('input, select, button, label')]
          .filter((e) => e.getBoundingClientRect().right > w.innerWidth + 0.5)
          .map((e) => e.id || e.textContent);
        return {
          page: w.document.documentElement.scrollWidth,
          form: [form.scrollWidth, form.clientWidth],
          overflowing,
        };
      });
      expect(sizes.page).toBeLessThanOrEqual(390);
      expect(sizes.form[0]).toBeLessThanOrEqual(sizes.form[1] as number);
      expect(sizes.overflowing).toEqual([]);
      await shot(p, 'narrow-390');
    } finally {
      await narrow.close();
    }
  });

  it('explains an empty answer and offers a looser question', async () => {
    const [a] = index.topDomains;
    await page.goto(`${serve.url}/?c=no-such-site.example&c=${a}&mode=domains`);
    const empty = page.locator('.empty');
    await empty.waitFor();
    // The hint about a competitor nobody links to comes with the overlap answer, a moment later.
    await expect
      .poll(() => empty.textContent(), POLL)
      .toContain('Nothing in this index links to no-such-site.example');
    await page.getByRole('button', { name: 'Try at least 1 of 2' }).click();
    await page.waitForURL(/[?&]k=1/);
    const want = await expectedRows(page.url());
    expect(want.total).toBeGreaterThan(0);
    await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
  });

  /** Open a question by URL and wait for its first page of rows. */
  const openQuestion = async (search: string): Promise<ProspectsResponse> => {
    await page.goto(`${serve.url}/${search}`);
    const want = await expectedRows(page.url());
    expect(want.total).toBeGreaterThan(0);
    await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
    return want;
  };
  const exportLinks = () => page.locator('.results a[href^="/api/v1/export"]');
  const expandButtons = () => page.locator('table.prospects button.expand');
  /** Every `/api/v1/prospects` request waits until the returned release is called. */
  const holdProspects = async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const held: Promise<void>[] = [];
    const handler = (route: Route) => {
      const passed = gate.then(() => route.continue());
      held.push(passed);
      return passed;
    };
    await page.route('**/api/v1/prospects', handler);
    return async () => {
      release();
      // Unrouting while a request is still held would let Playwright answer it first.
      await Promise.all(held);
      await page.unroute('**/api/v1/prospects', handler);
    };
  };

  it('shows the server’s refusal of a new question and nothing of the one before', async () => {
    const [a, b] = index.topDomains;
    const before = await openQuestion(`?c=${a}&c=${b}&mode=domains`);
    expect(await exportLinks().count()).toBe(2);
    expect(await page.locator('#results-title').textContent()).toBe(
      `${before.total.toLocaleString('en-US')} prospects`,
    );
    const message = 'query.competitors.0.value: this server refuses refused.example';
    expect400 = true;
    await page.route('**/api/v1/prospects', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'invalid_request', message, field: 'query.competitors.0.value' },
        }),
      }),
    );
    try {
      await page.fill('#c-0-value', 'refused.example');
      await page.getByRole('button', { name: 'Find prospects' }).click();
      await page.waitForURL(/[?&]c=refused\.example/);
      const box = page.locator('.results .error-box');
      await box.waitFor();
      expect(await box.textContent()).toContain(message);
      expect(await page.locator('#c-0-value-error').textContent()).toContain(
        'this server refuses refused.example',
      );
      expect(await page.locator('#results-title').textContent()).toBe('Prospects');
      expect(await page.locator('.results .meta').textContent()).not.toMatch(/\d+ ms/);
      expect(await page.locator('table.prospects').count()).toBe(0);
      expect(await page.locator('.pager').count()).toBe(0);
      expect(await exportLinks().count()).toBe(0);
      expect(await page.locator('.results').textContent()).not.toContain(
        before.total.toLocaleString('en-US'),
      );
      await shot(page, 'refused');
    } finally {
      await page.unroute('**/api/v1/prospects');
    }
  });

  it('keeps the earlier rows inert while the next sort loads, and none of an old question', async () => {
    const [a, b, c] = index.topDomains;
    const before = await openQuestion(`?c=${a}&c=${b}&mode=domains`);
    expect(await expandButtons().count()).toBe(before.items.length);

    // Another sort of the same question: the rows shown stay, dimmed, and do nothing.
    let release = await holdProspects();
    try {
      await page.locator('button[data-sort="domain_rank"]').click();
      await page.waitForURL(/sort=domain_rank\.desc/);
      await page.locator('.table-block.is-loading').waitFor();
      expect(await page.locator('#results-title').textContent()).toBe('Searching…');
      expect(await shownRows(page)).toEqual(before.items.map((r) => r.prospect));
      const states = await expandButtons().evaluateAll((bs) =>
        bs.map((x) => x.hasAttribute('disabled')),
      );
      expect(states).toEqual(before.items.map(() => true));
      expect(
        await page
          .locator('table.prospects button.sort, .pager button, .pager select')
          .evaluateAll((bs) => bs.every((x) => x.hasAttribute('disabled'))),
      ).toBe(true);
      expect(await exportLinks().count()).toBe(0);
      await shot(page, 'sort-loading');
    } finally {
      await release();
    }
    // (All rows match both competitors, so the new order may equal the old one.)
    await expect.poll(() => page.locator('.table-block.is-loading').count(), POLL).toBe(0);
    const sorted = await expectedRows(page.url());
    expect(await shownRows(page)).toEqual(sorted.items.map((r) => r.prospect));
    expect(await expandButtons().first().isEnabled()).toBe(true);
    expect(await exportLinks().count()).toBe(2);

    // A new question: nothing of the previous one while it loads.
    release = await holdProspects();
    try {
      await page.fill('#c-1-value', c as string);
      await page.getByRole('button', { name: 'Find prospects' }).click();
      await page.waitForURL(new RegExp(`[?&]c=${(c as string).replace(/\./g, '\\.')}`));
      await page.locator('.results .loading').waitFor();
      expect(await page.locator('#results-title').textContent()).toBe('Searching…');
      expect(await page.locator('table.prospects').count()).toBe(0);
      expect(await expandButtons().count()).toBe(0);
      expect(await exportLinks().count()).toBe(0);
    } finally {
      await release();
    }
    await expect.poll(() => page.locator('.results .loading').count(), POLL).toBe(0);
    const next = await expectedRows(page.url());
    expect(await shownRows(page)).toEqual(next.items.map((r) => r.prospect));
    expect(await exportLinks().count()).toBe(2);
  });

  it('verifies the prospects on screen and shows each check beside its row', async () => {
    const [a, b, c, d] = index.topDomains;
    const want = await openQuestion(`?c=${a}&c=${b}&c=${c}&mode=pages&k=1`);
    const urls = want.items.slice(0, 50).map((r) => r.prospect);
    expect(urls.length).toBeGreaterThan(2);
    const checkedAt = new Date(Date.now() - 150_000).toISOString();
    const asked: VerifyRequest[] = [];
    let release = () => {};
    let gate = Promise.resolve();
    await page.route('**/api/v1/verify', async (route) => {
      const req = route.request().postDataJSON() as VerifyRequest;
      asked.push(req);
      await gate;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify(fakeVerify(req, want.items, want.competitors, checkedAt)),
      });
    });
    const hold = () => {
      gate = new Promise<void>((r) => {
        release = r;
      });
    };
    const button = page.locator('.verify-button');
    const row = (i: number) => page.locator(`tr.row[data-prospect="${urls[i]}"]`);
    const checkLines = page.locator('table.prospects .check-line');
    try {
      expect(await button.textContent()).toBe(`Verify these ${urls.length} prospects`);
      hold();
      await button.click();
      // While the pages are fetched: progress, one check at a time, the table still usable.
      const status = page.locator('#verify-status');
      await expect
        .poll(() => status.textContent(), POLL)
        .toContain(`Verifying ${urls.length} pages…`);
      expect(await button.isDisabled()).toBe(true);
      expect(await page.locator('button[data-sort="domain_rank"]').isEnabled()).toBe(true);
      const expand = row(0).locator('button.expand');
      await expand.click();
      await page.locator('.evidence-row .evidence').waitFor();
      await expand.click();
      await shot(page, 'verify-running');
      release();
      await page.locator('.verify-summary').waitFor();
      expect(asked).toHaveLength(1);
      expect(asked[0]?.prospects).toEqual(urls);
      expect(asked[0]?.query).toEqual(stateOf(page.url()).query);

      const others = urls.length - 2;
      expect(await page.locator('.verify-summary').textContent()).toBe(
        `${others} still link${others === 1 ? 's' : ''} · 1 removed a link · 1 gone`,
      );
      expect(await checkLines.count()).toBe(urls.length);
      // The removed link: ✗ with a label in the right competitor's column.
      const first = want.items[0] as ProspectRow;
      const removedAt = first.linked.indexOf(true);
      const firstLine = row(0).locator('.check-line');
      expect(await firstLine.textContent()).toBe('Checked 2 min ago · ok');
      const time = firstLine.locator('time');
      expect(await time.getAttribute('datetime')).toBe(checkedAt);
      expect(await time.getAttribute('title')).toBe(
        `${checkedAt.slice(0, 19).replace('T', ' ')} UTC`,
      );
      const ticks = row(0).locator('td.tick');
      const removedCell = ticks.nth(removedAt);
      expect(await removedCell.getAttribute('class')).toBe('tick removed');
      expect(await removedCell.locator('.visually-hidden').textContent()).toMatch(
        /^removed its link to /,
      );
      expect(await removedCell.locator('[aria-hidden="true"]').allTextContents()).toEqual([
        '✗',
        'removed',
      ]);
      expect(await row(0).locator('td.tick.removed').count()).toBe(1);
      // The gone page: its state, and the index's ticks unchanged.
      expect(await row(1).locator('.check-line').textContent()).toBe(
        'Checked 2 min ago · gone 404',
      );
      expect(await row(1).locator('.check-line').getAttribute('class')).toContain('tone-bad');
      expect(await row(1).locator('td.tick.unchecked').count()).toBe(want.competitors.length);
      const second = want.items[1] as ProspectRow;
      expect(
        await row(1)
          .locator('td.tick')
          .evaluateAll((tds) => tds.map((td) => td.classList.contains('yes'))),
      ).toEqual(second.linked);
      // A page still linking: ✓ and the anchor now under it, per linked competitor.
      const third = want.items[2] as ProspectRow;
      const live = row(2).locator('td.tick.live');
      expect(await live.count()).toBe(third.linked.filter(Boolean).length);
      const at = third.linked.indexOf(true);
      expect(await row(2).locator('td.tick').nth(at).locator('.tick-note').textContent()).toBe(
        `anchor ${at + 1}`,
      );
      expect(await row(2).locator('td.tick').nth(at).getAttribute('title')).toMatch(
        new RegExp(`^still links to .*, anchor now “anchor ${at + 1}”$`),
      );
      await shot(page, 'verified');
      // The ✓ columns, scrolled into view.
      await page.locator('.table-scroll').evaluate((e) => {
        e.scrollLeft = e.scrollWidth;
      });
      await page
        .locator('.table-block')
        .screenshot({ path: join(ARTIFACTS, 'verified-ticks.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'verified-390');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Another page drops the checks; coming back does not check again by itself.
      await page.getByRole('button', { name: /Next/ }).click();
      await page.waitForURL(/[?&]o=50/);
      await expect.poll(() => shownRows(page), POLL).not.toContain(urls[0]);
      expect(await checkLines.count()).toBe(0);
      expect(await page.locator('.verify-summary').count()).toBe(0);
      await page.goBack();
      await expect.poll(() => shownRows(page), POLL).toEqual(want.items.map((r) => r.prospect));
      expect(await checkLines.count()).toBe(0);
      expect(asked).toHaveLength(1);

      // Checked again, then a new question: nothing of the checks stays.
      await button.click();
      await expect.poll(() => checkLines.count(), POLL).toBe(urls.length);
      expect(asked).toHaveLength(2);
      await page.fill('#c-2-value', d as string);
      await page.getByRole('button', { name: 'Find prospects' }).click();
      await page.waitForURL(new RegExp(`[?&]c=${(d as string).replace(/\./g, '\\.')}`));
      const next = await expectedRows(page.url());
      await expect.poll(() => shownRows(page), POLL).toEqual(next.items.map((r) => r.prospect));
      expect(await checkLines.count()).toBe(0);
      expect(await page.locator('td.tick.removed, td.tick.live').count()).toBe(0);
      expect(await page.locator('.verify-summary').count()).toBe(0);
      expect(await button.isEnabled()).toBe(true);
    } finally {
      release();
      await page.unroute('**/api/v1/verify');
    }
  });

  it('offers no verify in domains mode, with a word why', async () => {
    const [a, b] = index.topDomains;
    await openQuestion(`?c=${a}&c=${b}&mode=domains`);
    expect(await page.locator('.verify-button').isDisabled()).toBe(true);
    expect(await page.locator('#verify-status').textContent()).toContain(
      'Switch to referring pages to verify',
    );
  });

  it('logged no console errors (CSP violations included)', () => {
    expect(problems).toEqual([]);
  });
});
