/**
 * `GET /openapi.json`: an OpenAPI 3.1 description of the served routes, written by hand.
 */
import { MOZ_OPENAPI_PATHS, MOZ_OPENAPI_SCHEMAS, MOZ_TOKEN_SCHEME } from './moz/openapi-moz.js';
import { NATIVE_OPENAPI_PATHS, NATIVE_OPENAPI_SCHEMAS } from './native/openapi-native.js';
import { OPENAPI_SCHEMAS } from './openapi-schemas.js';

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});

function liveOperation(endpoint: string, taskSchema: string, ai: boolean): Record<string, unknown> {
  return {
    post: {
      operationId: `${endpoint.replace('_i', 'I')}Live${ai ? 'Ai' : ''}`,
      summary: ai
        ? `${endpoint} (AI-optimised response)`
        : `${endpoint}: referring ${endpoint.startsWith('page') ? 'pages' : 'domains'} linking to the targets`,
      tags: ['backlinks'],
      security: [{ basicAuth: [] }, { bearerAuth: [] }],
      requestBody: {
        required: true,
        description:
          'An array with one task (more are answered 40000), or one task object. At most 1 MiB.',
        content: {
          'application/json': {
            schema: {
              oneOf: [
                {
                  type: 'array',
                  minItems: 1,
                  items: { $ref: `#/components/schemas/${taskSchema}` },
                },
                { $ref: `#/components/schemas/${taskSchema}` },
              ],
            },
          },
        },
      },
      responses: {
        '200': {
          description:
            'Envelope. Request errors (40202 rate limit, 40502 empty, 40503 invalid JSON) and task ' +
            'errors (40000, 40501) are HTTP 200 too, as at DataForSEO.',
          content: json(ai ? 'AiResponse' : 'Envelope'),
        },
        '401': {
          description: 'Missing or wrong credentials (status_code 40100).',
          content: json('Envelope'),
        },
        '405': { description: 'Not POST.', content: json('Envelope') },
        '413': {
          description: 'Body over the limit (status_code 40503).',
          content: json('Envelope'),
        },
        '500': { description: 'Internal error (status_code 50000).', content: json('Envelope') },
      },
    },
  };
}

/** The OpenAPI document (`version` = the envelope version). */
export function buildOpenApi(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'linkgap: DataForSEO-compatible backlink intersection API',
      version,
      description:
        'Self-hosted link intersection (link gap) over your own index, compatible with ' +
        'DataForSEO backlinks/page_intersection/live and domain_intersection/live, and with ' +
        'Moz Links API v2 link_intersect, plus the native API of the link-gap explorer (/api/v1).',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/v3/backlinks/page_intersection/live': liveOperation(
        'page_intersection',
        'PageIntersectionTask',
        false,
      ),
      '/v3/backlinks/page_intersection/live.ai': liveOperation(
        'page_intersection',
        'PageIntersectionTask',
        true,
      ),
      '/v3/backlinks/domain_intersection/live': liveOperation(
        'domain_intersection',
        'DomainIntersectionTask',
        false,
      ),
      '/v3/backlinks/domain_intersection/live.ai': liveOperation(
        'domain_intersection',
        'DomainIntersectionTask',
        true,
      ),
      ...MOZ_OPENAPI_PATHS,
      ...NATIVE_OPENAPI_PATHS,
      '/health': {
        get: {
          operationId: 'health',
          summary: 'Which index generation is served, and its size',
          security: [],
          responses: { '200': { description: 'Index status.', content: json('Health') } },
        },
      },
    },
    components: {
      schemas: { ...OPENAPI_SCHEMAS, ...MOZ_OPENAPI_SCHEMAS, ...NATIVE_OPENAPI_SCHEMAS },
      securitySchemes: {
        basicAuth: {
          type: 'http',
          scheme: 'basic',
          description: 'login:password (DataForSEO style)',
        },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token' },
        mozToken: MOZ_TOKEN_SCHEME,
      },
    },
  };
}
