/**
 * `GET /docs`: one self-contained HTML page (no external scripts, styles or fonts) describing
 * the endpoints, with curl examples.
 */

const PAGE_EXAMPLE = `curl -s -u "$LOGIN:$PASSWORD" -H 'Content-Type: application/json' \\
  http://127.0.0.1:8080/v3/backlinks/page_intersection/live \\
  -d '[{"targets":{"1":"competitor-a.com","2":"competitor-b.com"},
        "exclude_targets":["my-site.com"],
        "filters":["1.dofollow","=",true],
        "order_by":["1.rank,desc"],"limit":10}]'`;

const DOMAIN_EXAMPLE = `curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  http://127.0.0.1:8080/v3/backlinks/domain_intersection/live \\
  -d '{"targets":{"1":"competitor-a.com","2":"competitor-b.com"},
       "intersection_mode":"partial","order_by":["intersections_count,desc"],"limit":20}'`;

const AI_EXAMPLE = `curl -s -u "$LOGIN:$PASSWORD" -H 'Content-Type: application/json' \\
  http://127.0.0.1:8080/v3/backlinks/page_intersection/live.ai \\
  -d '[{"targets":{"1":"competitor-a.com","2":"competitor-b.com"},"limit":5}]'`;

const MOZ_EXAMPLE = `curl -s -H "x-moz-token: $TOKEN" -H 'Content-Type: application/json' \\
  http://127.0.0.1:8080/v2/link_intersect \\
  -d '{"positive_targets":[{"target":"competitor-a.com","scope":"root_domain"},
                           {"target":"blog.competitor-b.com","scope":"subdomain"}],
       "negative_targets":[{"target":"my-site.com","scope":"root_domain"}],
       "source_scope":"page","sort":"source_domain_authority","limit":25}'`;

const FIELDS: ReadonlyArray<[string, string]> = [
  ['targets', 'required; object {"1": …, "2": …}, 1–20 domains, hosts or page URLs'],
  ['exclude_targets', 'up to 10; a trailing * makes a URL prefix'],
  [
    'filters',
    'DataForSEO filter expression, up to 8 conditions ("1.rank", "intersections_count" …)',
  ],
  ['order_by', 'up to 3 rules "field,asc|desc"'],
  ['offset / limit', 'offset ≥ 0; limit 1–1000 (default 100)'],
  ['internal_list_limit', '1–1000 (default 10): backlinks per target per item, map sizes'],
  ['backlinks_status_type', 'live (default) | lost | all'],
  ['backlinks_filters', 'domain_intersection only: filter on the backlinks behind the aggregates'],
  [
    'include_subdomains, include_indirect_links, exclude_internal_backlinks',
    'booleans, default true',
  ],
  ['intersection_mode', 'all (default: link to every target) | partial (at least one)'],
  ['rank_scale', 'one_thousand (default) | one_hundred'],
  ['tag', 'up to 255 characters, echoed in data'],
];

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The docs page HTML. */
export function renderDocsPage(): string {
  const rows = FIELDS.map(
    ([f, d]) => `<tr><td><code>${escapeHtml(f)}</code></td><td>${escapeHtml(d)}</td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>linkgap API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto}code{font-family:ui-monospace,monospace}
table{border-collapse:collapse}td{border-top:1px solid #ddd;padding:.3rem .6rem;vertical-align:top}
</style></head><body>
<h1>linkgap API</h1>
<p>A DataForSEO-compatible link intersection (link gap) API over your own backlink index.
Point any DataForSEO client at this server's address instead of <code>https://api.dataforseo.com</code>.</p>
<h2>Endpoints</h2>
<ul>
<li><code>POST /v3/backlinks/page_intersection/live</code>: referring <em>pages</em> that link to the targets
(and not to <code>exclude_targets</code>), with the backlinks per target.</li>
<li><code>POST /v3/backlinks/domain_intersection/live</code>: referring <em>domains</em>, with per-target aggregates.</li>
<li><code>…/live.ai</code>: the same, AI-optimised: <code>{id, status_code, status_message, items}</code> of the
first task, with null, false and empty fields dropped and floats rounded to 3 decimals.</li>
<li><code>POST /v2/link_intersect</code>: Moz Links API v2 <code>link_intersect</code>
(<code>positive_targets</code>, <code>negative_targets</code>, <code>min_matching_targets</code>,
<code>source_scope</code>, <code>sort</code>, <code>limit</code> 1–50, <code>next_token</code>); auth
<code>x-moz-token</code> or Basic; errors are an HTTP status with <code>{name, message}</code>
(400, 401, 405, 410 expired <code>next_token</code>, 413, 429).</li>
<li><code>GET /</code>: the link-gap explorer (web UI) over the native API <code>/api/v1/…</code>
(<code>index</code>, <code>prospects</code>, <code>overlap</code>, <code>evidence</code>,
<code>export</code> as CSV or JSON, streamed, no cap; see <code>/openapi.json</code>, tag explorer).</li>
<li><code>GET /health</code>: the served index generation, when it was built and its size (no auth).</li>
<li><code>GET /openapi.json</code>: OpenAPI 3.1 description (no auth).</li>
</ul>
<h2>Requests</h2>
<p>The body is a JSON array with one task (DataForSEO's form; further tasks are answered
<code>40000</code>), or a single task object. Authenticate with HTTP Basic
(<code>login:password</code>) or <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table>${rows}</table>
<h2>Examples</h2>
<pre><code>${escapeHtml(PAGE_EXAMPLE)}</code></pre>
<pre><code>${escapeHtml(DOMAIN_EXAMPLE)}</code></pre>
<pre><code>${escapeHtml(AI_EXAMPLE)}</code></pre>
<pre><code>${escapeHtml(MOZ_EXAMPLE)}</code></pre>
<h2>Errors</h2>
<p>As at DataForSEO, errors are reported in the body with HTTP 200: <code>40501 Invalid Field: '…'.</code>
(task), <code>40502 POST Data Is Empty.</code>, <code>40503 POST Data Is Invalid.</code>,
<code>40202</code> rate limit per minute exceeded. Missing or wrong credentials: HTTP 401 (<code>40100</code>);
unknown path: HTTP 404 (<code>40400</code>); wrong method: HTTP 405; body over the size limit: HTTP 413
(<code>40503</code>).</p>
</body></html>
`;
}
