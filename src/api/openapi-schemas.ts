/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the DataForSEO intersection requests and
 * responses, limits included (spec/dataforseo.md §3, §7–§9).
 */

const filterExpression = {
  type: ['array', 'null'],
  description:
    'DataForSEO filter: a condition `[field, operator, value]` or conditions joined by "and"/"or", ' +
    'nested with arrays, at most 8 conditions. Page mode fields are prefixed with the target key ' +
    '(`"1.dofollow"`); `intersections_count` is unprefixed.',
  items: {},
  examples: [[['2.domain_from_rank', '>', 400], 'and', ['1.dofollow', '=', true]]],
};

/** Fields shared by both endpoints. */
function commonFields(orderExample: string): Record<string, unknown> {
  return {
    targets: {
      type: 'object',
      description:
        'Targets keyed "1", "2", …: a domain or host (no scheme, no www.) or an absolute page URL.',
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: { type: 'string', minLength: 1 },
      examples: [{ '1': 'competitor-a.com', '2': 'https://competitor-b.com/page' }],
    },
    exclude_targets: {
      type: ['array', 'null'],
      description:
        'Referring pages/domains linking to any of these are left out. `*` ends a URL prefix.',
      maxItems: 10,
      items: { type: 'string' },
    },
    filters: filterExpression,
    order_by: {
      type: ['array', 'null'],
      description: 'Up to 3 rules "<field>,asc|desc" (direction asc when left out).',
      maxItems: 3,
      items: { type: 'string', pattern: '^[^,]+(,\\s*([Aa][Ss][Cc]|[Dd][Ee][Ss][Cc])\\s*)?$' },
      examples: [[orderExample]],
    },
    offset: { type: ['integer', 'null'], minimum: 0, default: 0 },
    limit: { type: ['integer', 'null'], minimum: 1, maximum: 1000, default: 100 },
    internal_list_limit: { type: ['integer', 'null'], minimum: 1, maximum: 1000, default: 10 },
    backlinks_status_type: {
      type: ['string', 'null'],
      enum: ['all', 'live', 'lost', null],
      default: 'live',
    },
    include_subdomains: { type: ['boolean', 'null'], default: true },
    include_indirect_links: { type: ['boolean', 'null'], default: true },
    exclude_internal_backlinks: { type: ['boolean', 'null'], default: true },
    exclude_technical_hosts: {
      type: ['boolean', 'null'],
      default: false,
      description:
        'linkgap extension: drop backlinks from CDN, font, analytics, tag-manager and social-widget hosts, so they are never prospects.',
    },
    explain_spam: {
      type: ['boolean', 'null'],
      default: false,
      description:
        'linkgap extension: add the spam signals that fired (code, weight) to backlinks (backlink_spam_signals) and to domain stats (spam_signals).',
    },
    intersection_mode: {
      type: ['string', 'null'],
      enum: ['all', 'partial', null],
      default: 'all',
      description: 'all: link to every target; partial: to at least one.',
    },
    rank_scale: {
      type: ['string', 'null'],
      enum: ['one_hundred', 'one_thousand', null],
      default: 'one_thousand',
    },
    tag: { type: ['string', 'null'], maxLength: 255 },
  };
}

/** Component schemas. */
export const OPENAPI_SCHEMAS: Record<string, unknown> = {
  PageIntersectionTask: {
    type: 'object',
    required: ['targets'],
    properties: commonFields('1.rank,desc'),
  },
  DomainIntersectionTask: {
    type: 'object',
    required: ['targets'],
    properties: {
      ...commonFields('1.backlinks,desc'),
      backlinks_filters: {
        ...filterExpression,
        description:
          'Filter on the backlinks that feed the per-target aggregates (unprefixed fields).',
      },
    },
  },
  Envelope: {
    type: 'object',
    description: 'DataForSEO response envelope; `/` is escaped as `\\/` in the JSON text.',
    properties: {
      version: { type: 'string', examples: ['0.1.20261123'] },
      status_code: { type: 'integer', examples: [20000] },
      status_message: { type: 'string', examples: ['Ok.'] },
      time: { type: 'string', examples: ['0.0042 sec.'] },
      cost: { type: 'number' },
      tasks_count: { type: 'integer' },
      tasks_error: { type: 'integer' },
      tasks: { type: 'array', items: { $ref: '#/components/schemas/Task' } },
    },
  },
  Task: {
    type: 'object',
    properties: {
      id: { type: 'string', examples: ['11231130-1535-0287-0000-fd766e2cbfdc'] },
      status_code: {
        type: 'integer',
        description: '20000 ok; 40000 extra task; 40501 invalid field; 50000 internal error.',
      },
      status_message: { type: 'string', examples: ['Ok.', "Invalid Field: 'targets'."] },
      time: { type: 'string' },
      cost: { type: 'number' },
      result_count: { type: 'integer' },
      path: { type: 'array', items: { type: 'string' } },
      data: { type: 'object', description: 'Echo of the recognised request fields.' },
      result: {
        type: ['array', 'null'],
        items: { $ref: '#/components/schemas/IntersectionResult' },
      },
    },
  },
  IntersectionResult: {
    type: 'object',
    properties: {
      targets: { type: 'object', additionalProperties: { type: 'string' } },
      total_count: { type: 'integer' },
      items_count: { type: 'integer' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          description:
            'page_intersection: {page_intersection: {"<key>": [backlink…]}, summary}; ' +
            'domain_intersection: {domain_intersection: {"<key>": stats}, summary}.',
          properties: {
            summary: {
              type: 'object',
              properties: { intersections_count: { type: 'integer' } },
            },
          },
        },
      },
    },
  },
  AiResponse: {
    type: 'object',
    description:
      'The `.ai` form: task 0 only; null, false and empty fields dropped from items; floats to 3 decimals.',
    properties: {
      id: { type: 'string' },
      status_code: { type: 'integer' },
      status_message: { type: 'string' },
      items: { type: 'array', items: { type: 'object' } },
    },
    required: ['status_code', 'status_message'],
  },
  Health: {
    type: 'object',
    properties: {
      status: { const: 'ok' },
      generation: { type: 'string' },
      builtAt: { type: 'string', format: 'date-time' },
      counts: {
        type: 'object',
        properties: {
          links: { type: 'integer' },
          pages: { type: 'integer' },
          domains: { type: 'integer' },
        },
      },
    },
  },
};
