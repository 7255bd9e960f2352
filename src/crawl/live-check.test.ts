import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robotsTxt } from '../../test/helpers/test-web-routes.js';
import { startTestWeb, type TestWebServer } from '../../test/helpers/test-web-server.js';
import type { QueryTarget } from '../core/query/intersect-query.js';
import { createFetcher } from './fetch/create-fetcher.js';
import { createLiveChecker } from './live-check.js';

const TARGETS: QueryTarget[] = [
  { key: '1', kind: 'domain', value: 'comp.com', includeSubdomains: true, raw: 'comp.com' },
];

describe('createLiveChecker', () => {
  let web: TestWebServer;
  beforeAll(async () => {
    web = await startTestWeb(
      {
        'http://blog.test': {
          '/robots.txt': robotsTxt('User-agent: *\nDisallow: /private\n'),
          '/still': { body: '<a href="https://comp.com/x">great tools</a>' },
          '/removed': { body: '<p>nothing here</p>' },
          '/gone': { status: 404 },
          '/moved': { redirect: 'http://blog.test/still' },
          '/private': { body: '<a href="https://comp.com/">secret</a>' },
        },
      },
      { unresolvable: ['down.test'] },
    );
  });
  afterAll(async () => {
    await web.close();
  });

  it('fetches each page now, politely, and says whether it still links', async () => {
    const fetcher = createFetcher({
      userAgent: 'linkgap-test/1.0',
      connect: web.connect,
      dialPort: web.dialPort,
      retries: 0,
    });
    const checker = createLiveChecker({
      userAgent: 'linkgap-test/1.0',
      perHostDelayMs: 20,
      concurrency: 4,
      fetcher,
    });
    try {
      const indexed = new Set(['1']);
      const urls = ['still', 'removed', 'gone', 'moved', 'private'].map(
        (p) => `http://blog.test/${p}`,
      );
      const checks = await checker.check(
        urls.map((url) => ({ url, indexed })),
        TARGETS,
      );
      expect(checks.map((c) => [c.page, c.status, c.targets[0]?.verdict])).toEqual([
        ['ok', 200, 'links'],
        ['ok', 200, 'removed'],
        ['gone', 404, 'unknown'],
        ['redirected', 301, 'unknown'],
        ['disallowed', null, 'unknown'],
      ]);
      expect(checks[0]?.targets[0]?.anchors).toEqual(['great tools']);
      expect(checks[0]?.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(checks[3]?.redirect).toBe('http://blog.test/still');
      const down = await checker.check([{ url: 'http://down.test/x', indexed }], TARGETS);
      expect([down[0]?.page, down[0]?.error]).toEqual([
        'unreachable',
        'robots.txt unreachable: the site did not answer',
      ]);
      // One request at a time on the host, the private page never asked for.
      expect(web.maxInFlight('blog.test')).toBe(1);
      expect(web.requests('blog.test').map((r) => r.path)).not.toContain('/private');
    } finally {
      await checker.close();
    }
  });
});
