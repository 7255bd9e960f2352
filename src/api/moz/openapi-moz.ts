/**
 * The OpenAPI 3.1 description of `POST /v2/link_intersect` (Moz Links API v2): its path item,
 * its schemas and the `x-moz-token` security scheme, merged into `/openapi.json`.
 */
import { DEFAULT_MOZ_LIMIT, MAX_MOZ_LIMIT, MAX_MOZ_TARGETS } from './parse-request.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: json('MozError') });

/** Schemas of the Moz request, rows and errors. */
export const MOZ_OPENAPI_SCHEMAS: Record<string, unknown> = {
  MozTarget: {
    type: 'object',
    required: ['target', 'scope'],
    properties: {
      target: {
        type: 'string',
        minLength: 1,
        description:
          'A URL or host, with or without http(s)://. page scope without a scheme matches the page ' +
          'over http and https; subdomain = the host (and www. + host); root_domain = its ' +
          'registrable domain and all subdomains.',
      },
      scope: { enum: ['page', 'subdomain', 'root_domain'] },
    },
  },
  MozLinkIntersectRequest: {
    type: 'object',
    required: ['positive_targets'],
    properties: {
      positive_targets: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_MOZ_TARGETS,
        items: ref('MozTarget'),
        description: `Sources linking to at least min_matching_targets of these (≤ ${MAX_MOZ_TARGETS} targets with negative_targets).`,
      },
      negative_targets: {
        type: 'array',
        maxItems: MAX_MOZ_TARGETS - 1,
        items: ref('MozTarget'),
        description: 'Sources linking to any of these are left out.',
      },
      min_matching_targets: {
        type: 'integer',
        minimum: 1,
        default: 1,
        description: 'At most the number of positive_targets.',
      },
      source_scope: { enum: ['page', 'root_domain'], default: 'page' },
      sort: {
        enum: ['matching_target_count', 'source_domain_authority', 'source_spam_score'],
        default: 'matching_target_count',
        description:
          'matching_target_count: count desc, then domain authority desc; source_domain_authority: ' +
          'DA desc, then count desc; source_spam_score: spam score asc (unscored -1 last), then ' +
          'DA desc. Ties: the source, in index order.',
      },
      limit: { type: 'integer', minimum: 1, maximum: MAX_MOZ_LIMIT, default: DEFAULT_MOZ_LIMIT },
      next_token: {
        type: 'string',
        description:
          'The previous response’s next_token (signed, bound to the query, valid one hour by default).',
      },
    },
  },
  MozSourcePage: {
    type: 'object',
    properties: { page: { type: 'string' }, page_authority: { type: 'integer' } },
  },
  MozResultRow: {
    type: 'object',
    description:
      'source_scope page: page, title, domain_authority, spam_score, matching_target_indexes; ' +
      'root_domain: root_domain, domain_authority, spam_score, matching_target_indexes, ' +
      'matching_source_pages (one per matched target: its highest-authority linking page).',
    properties: {
      page: { type: 'string', description: 'Source page URL without scheme.' },
      root_domain: { type: 'string' },
      title: { type: 'string' },
      domain_authority: { type: 'integer', minimum: 1, maximum: 100 },
      spam_score: { type: 'integer', minimum: -1, maximum: 100, description: '-1 = not scored.' },
      matching_target_indexes: {
        type: 'array',
        items: { type: 'integer', minimum: 0 },
        description: 'Zero-based, ascending, into positive_targets.',
      },
      matching_source_pages: { type: 'array', items: ref('MozSourcePage') },
    },
  },
  MozLinkIntersectResponse: {
    type: 'object',
    required: ['results', 'next_token'],
    properties: {
      results: { type: 'array', items: ref('MozResultRow') },
      next_token: { type: 'string', description: '"" when there are no more results.' },
    },
  },
  MozError: {
    type: 'object',
    required: ['name', 'message'],
    properties: { name: { type: 'string' }, message: { type: 'string' } },
  },
};

/** The `/v2/link_intersect` path item. */
export const MOZ_OPENAPI_PATHS: Record<string, unknown> = {
  '/v2/link_intersect': {
    post: {
      operationId: 'mozLinkIntersect',
      summary: 'Moz Links API v2 link_intersect: sources linking to the positive targets',
      tags: ['moz'],
      security: [{ mozToken: [] }, { basicAuth: [] }, { bearerAuth: [] }],
      requestBody: { required: true, content: json('MozLinkIntersectRequest') },
      responses: {
        '200': { description: 'One page of results.', content: json('MozLinkIntersectResponse') },
        '400': error('Invalid body or field (the message names it), or an invalid next_token.'),
        '401': error('Missing or wrong credentials.'),
        '405': error('Not POST.'),
        '410': error('next_token expired.'),
        '413': error('Body over the limit.'),
        '429': error('Rate limit; see Retry-After.'),
        '500': error('Internal error.'),
      },
    },
  },
};

/** The `x-moz-token` security scheme. */
export const MOZ_TOKEN_SCHEME = {
  type: 'apiKey',
  in: 'header',
  name: 'x-moz-token',
  description: 'An API token of the server (the same tokens as Bearer).',
};
