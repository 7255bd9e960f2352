/**
 * The OpenAPI 3.1 description of the explorer's native API (`/api/v1/*`): request schemas are
 * generated from the zod schemas that validate them (so limits and defaults cannot drift), the
 * response schemas are written here from src/api/native/types.ts.
 */
import { z } from 'zod';
import {
  evidenceSchema,
  exportSchema,
  overlapSchema,
  prospectsSchema,
  verifySchema,
} from './parse-explore.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: json('NativeError') });
const SECURITY = [{ basicAuth: [] }, { bearerAuth: [] }];

/** A zod schema as a JSON Schema for OpenAPI (input side: defaulted fields are optional). */
function fromZod(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<
    string,
    unknown
  >;
  return rest;
}

const nullable = (type: string) => ({ type: [type, 'null'] });
const time = { type: ['string', 'null'], description: '`YYYY-MM-DD hh:mm:ss +00:00`' };
const generation = {
  generation: { type: 'string', description: 'The index generation that answered.' },
  builtAt: { type: 'string', description: 'When it was built (ISO 8601 UTC).' },
};

/** Schemas of the native requests and answers. */
export const NATIVE_OPENAPI_SCHEMAS: Record<string, unknown> = {
  NativeProspectsRequest: fromZod(prospectsSchema),
  NativeOverlapRequest: fromZod(overlapSchema),
  NativeEvidenceRequest: fromZod(evidenceSchema),
  NativeVerifyRequest: fromZod(verifySchema),
  NativeVerifyResponse: {
    type: 'object',
    properties: {
      ...generation,
      checks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            url: { type: 'string' },
            checkedAt: nullable('string'),
            status: nullable('integer'),
            page: { enum: ['ok', 'gone', 'redirected', 'unreachable', 'disallowed'] },
            redirect: nullable('string'),
            error: nullable('string'),
            targets: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  key: { type: 'string' },
                  target: { type: 'string' },
                  indexed: { type: 'boolean' },
                  verdict: { enum: ['links', 'removed', 'absent', 'unknown'] },
                  anchors: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
      },
      tookMs: { type: 'number' },
    },
  },
  NativeExportRequest: {
    ...fromZod(exportSchema),
    description: 'The export body; `format` (csv | json, default csv) may be added.',
  },
  NativeProspectRow: {
    type: 'object',
    properties: {
      prospect: {
        type: 'string',
        description: 'Page URL (pages) or registrable domain (domains).',
      },
      title: nullable('string'),
      domainRank: { ...nullable('integer'), description: '0–100.' },
      pageRank: {
        ...nullable('integer'),
        description: '0–100: the page, or the best linking page of the domain.',
      },
      spamScore: { ...nullable('integer'), description: '0–100; null = never scored.' },
      matches: { type: 'integer', description: 'Competitors it links to.' },
      linked: { type: 'array', items: { type: 'boolean' }, description: 'Per competitor.' },
      backlinks: { type: 'integer', description: 'Counted backlinks to the competitors.' },
      firstSeen: time,
      lastSeen: time,
    },
  },
  NativeProspectsResponse: {
    type: 'object',
    properties: {
      ...generation,
      mode: { enum: ['pages', 'domains'] },
      competitors: { type: 'array', items: { type: 'string' }, description: 'Normalised targets.' },
      total: { type: 'integer', description: 'Every prospect matching; no cap.' },
      offset: { type: 'integer' },
      items: { type: 'array', items: ref('NativeProspectRow') },
      tookMs: { type: 'number' },
    },
  },
  NativeOverlapResponse: {
    type: 'object',
    properties: {
      ...generation,
      byCount: {
        type: 'array',
        items: { type: 'integer' },
        description: 'Prospects linking to exactly 1, 2, … n competitors (min matching 1).',
      },
      combinations: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            competitors: { type: 'array', items: { type: 'integer' }, description: '0-based.' },
            prospects: { type: 'integer' },
          },
        },
      },
      perCompetitor: { type: 'array', items: { type: 'integer' } },
      freshness: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            target: { type: 'string' },
            backlinks: { type: 'integer' },
            liveBacklinks: { type: 'integer' },
            referringPages: { type: 'integer' },
            lastSeen: time,
            firstSeen: time,
          },
        },
      },
      tookMs: { type: 'number' },
    },
  },
  NativeEvidenceLink: {
    type: 'object',
    properties: {
      urlFrom: { type: 'string' },
      urlTo: { type: 'string' },
      anchor: nullable('string'),
      alt: nullable('string'),
      textPre: nullable('string'),
      textPost: nullable('string'),
      rel: { type: 'array', items: { type: 'string' } },
      dofollow: { type: 'boolean' },
      itemType: { type: 'string' },
      semanticLocation: nullable('string'),
      isIndirect: { type: 'boolean' },
      isLost: { type: 'boolean' },
      rank: nullable('integer'),
      firstSeen: { type: 'string' },
      lastSeen: { type: 'string' },
    },
  },
  NativeEvidenceResponse: {
    type: 'object',
    properties: {
      ...generation,
      prospect: { type: 'string' },
      competitors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            target: { type: 'string' },
            total: { type: 'integer', description: 'Exact, even when links is cut at limit.' },
            links: { type: 'array', items: ref('NativeEvidenceLink') },
          },
        },
      },
      tookMs: { type: 'number' },
    },
  },
  NativeIndexSummary: {
    type: 'object',
    properties: {
      ...generation,
      links: { type: 'integer' },
      pages: { type: 'integer' },
      referringDomains: { type: 'integer' },
      domains: { type: 'integer' },
      hosts: { type: 'integer' },
      targetUrls: { type: 'integer' },
      captures: nullable('integer'),
      sources: nullable('integer'),
      firstCapture: nullable('string'),
      lastCapture: nullable('string'),
      crawlDates: { type: 'array', items: { type: 'string' } },
      languages: { type: 'array', items: { type: 'string' } },
      countries: { type: 'array', items: { type: 'string' } },
      platforms: { type: 'array', items: { type: 'string' } },
      topTargets: {
        type: 'array',
        items: {
          type: 'object',
          properties: { domain: { type: 'string' }, backlinks: { type: 'integer' } },
        },
      },
    },
  },
  NativeError: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            enum: [
              'invalid_request',
              'unauthorized',
              'not_found',
              'method_not_allowed',
              'too_large',
              'rate_limited',
              'internal',
            ],
          },
          message: { type: 'string' },
          field: { type: 'string', description: 'Path of the field at fault.' },
        },
      },
    },
  },
};

const COMMON_ERRORS = {
  '400': error('Invalid body or field; the message and `field` name it.'),
  '401': error('Missing or wrong credentials (WWW-Authenticate: Basic).'),
  '403': error('Host not loopback/--host/--allowed-host, or a foreign Origin.'),
  '413': error('Body over the limit.'),
  '429': error('Rate limit; see Retry-After.'),
  '500': error('Internal error.'),
};

function post(operationId: string, summary: string, request: string, response: string) {
  return {
    post: {
      operationId,
      summary,
      tags: ['explorer'],
      security: SECURITY,
      requestBody: { required: true, content: json(request) },
      responses: {
        '200': { description: 'The answer.', content: json(response) },
        ...COMMON_ERRORS,
      },
    },
  };
}

const exportResponses = {
  '200': {
    description:
      'The complete result in the sort order, streamed as a download: CSV (prospect, title, ' +
      'domain_rank, page_rank, spam_score, matches, backlinks, first_seen, last_seen, ' +
      'links_to_1…n) or JSON `{mode, competitors, total, items}`.',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            mode: { enum: ['pages', 'domains'] },
            competitors: { type: 'array', items: { type: 'string' } },
            items: { type: 'array', items: ref('NativeProspectRow') },
            total: { type: 'integer' },
          },
        },
      },
    },
  },
  ...COMMON_ERRORS,
};

/** The `/api/v1/*` path items. */
export const NATIVE_OPENAPI_PATHS: Record<string, unknown> = {
  '/api/v1/index': {
    get: {
      operationId: 'nativeIndex',
      summary: 'What is in the served index: counts, crawl dates, values for the form',
      tags: ['explorer'],
      security: SECURITY,
      responses: {
        '200': { description: 'The index summary.', content: json('NativeIndexSummary') },
        '401': COMMON_ERRORS['401'],
        '403': COMMON_ERRORS['403'],
        '429': COMMON_ERRORS['429'],
        '500': COMMON_ERRORS['500'],
      },
    },
  },
  '/api/v1/prospects': post(
    'nativeProspects',
    'Link gap: one sorted window of prospects (pages or domains)',
    'NativeProspectsRequest',
    'NativeProspectsResponse',
  ),
  '/api/v1/overlap': post(
    'nativeOverlap',
    'How many prospects link to 1, 2, … n competitors, the largest combinations, freshness',
    'NativeOverlapRequest',
    'NativeOverlapResponse',
  ),
  '/api/v1/evidence': post(
    'nativeEvidence',
    'Every counted backlink from one prospect to each competitor',
    'NativeEvidenceRequest',
    'NativeEvidenceResponse',
  ),
  '/api/v1/verify': post(
    'nativeVerify',
    'Fetch up to 50 indexed prospect pages now (robots.txt, per-host delay) and say which still link; not stored',
    'NativeVerifyRequest',
    'NativeVerifyResponse',
  ),
  '/api/v1/export': {
    get: {
      operationId: 'nativeExportGet',
      summary: 'The complete result as a CSV or JSON download (the explorer’s URL parameters)',
      tags: ['explorer'],
      security: SECURITY,
      parameters: [
        { name: 'format', in: 'query', schema: { enum: ['csv', 'json'], default: 'csv' } },
        {
          name: 'c',
          in: 'query',
          required: true,
          description: 'A competitor (repeat, 1–20): `value` or `scope:value`.',
          schema: { type: 'array', items: { type: 'string' } },
          style: 'form',
          explode: true,
        },
        {
          name: 'm',
          in: 'query',
          description: 'One of my sites (repeat, 0–10): `value` or `scope:value`.',
          schema: { type: 'array', items: { type: 'string' } },
          style: 'form',
          explode: true,
        },
        { name: 'mode', in: 'query', schema: { enum: ['pages', 'domains'], default: 'domains' } },
        {
          name: 'k',
          in: 'query',
          schema: { type: 'integer', minimum: 1 },
          description: 'Min matching; absent = all.',
        },
        { name: 'dofollow', in: 'query', schema: { enum: ['0', '1'] } },
        { name: 'dr', in: 'query', schema: { type: 'number', minimum: 0, maximum: 100 } },
        { name: 'spam', in: 'query', schema: { type: 'number', minimum: 0, maximum: 100 } },
        { name: 'lang', in: 'query', schema: { type: 'string' } },
        { name: 'country', in: 'query', schema: { type: 'string' } },
        { name: 'platform', in: 'query', schema: { type: 'string' } },
        { name: 'since', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'tech', in: 'query', schema: { enum: ['0', '1'] } },
        { name: 'status', in: 'query', schema: { enum: ['live', 'lost', 'all'], default: 'live' } },
        {
          name: 'sort',
          in: 'query',
          schema: { type: 'string' },
          description: '`field.dir`, e.g. `domain_rank.desc`.',
        },
      ],
      responses: exportResponses,
    },
    post: {
      operationId: 'nativeExportPost',
      summary: 'The complete result as CSV or JSON (a JSON body)',
      tags: ['explorer'],
      security: SECURITY,
      requestBody: { required: true, content: json('NativeExportRequest') },
      responses: exportResponses,
    },
  },
};
