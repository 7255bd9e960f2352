import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Every value under `node`, with its path. */
function* walk(node: unknown, path = '$'): Generator<[string, unknown]> {
  yield [path, node];
  if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) yield* walk(v, `${path}.${k}`);
  }
}

describe('buildOpenApi', () => {
  const doc = buildOpenApi('0.1.20261123') as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<
      string,
      Record<
        string,
        { operationId?: string; responses?: object; security?: Array<Record<string, unknown>> }
      >
    >;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  it('is an OpenAPI 3.1 document with info and paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).not.toBe('');
    expect(doc.info.version).toBe('0.1.20261123');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/'))).toBe(true);
  });

  it('gives every operation a unique operationId and responses, and known security schemes', () => {
    const ids = new Set<string>();
    for (const item of Object.values(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(METHODS.has(method)).toBe(true);
        expect(op.operationId).toBeTypeOf('string');
        expect(ids.has(op.operationId ?? '')).toBe(false);
        ids.add(op.operationId ?? '');
        expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0);
        for (const req of op.security ?? []) {
          for (const name of Object.keys(req))
            expect(doc.components.securitySchemes[name]).toBeDefined();
        }
      }
    }
    expect(ids.size).toBe(13);
    expect(ids.has('mozLinkIntersect')).toBe(true);
  });

  it('uses only JSON Schema types and local refs that resolve', () => {
    for (const [path, v] of walk(doc)) {
      if (path.endsWith('.type') && !path.includes('.securitySchemes.')) {
        const types = Array.isArray(v) ? v : [v];
        for (const t of types)
          expect(JSON_TYPES.has(t as string), `${path} = ${String(t)}`).toBe(true);
      }
      if (path.endsWith('.$ref')) {
        const m = /^#\/components\/schemas\/(\w+)$/.exec(v as string);
        expect(m, path).not.toBeNull();
        expect(doc.components.schemas[m?.[1] ?? ''], path).toBeDefined();
      }
    }
  });

  it('describes the Moz route with its limits and error statuses', () => {
    const op = doc.paths['/v2/link_intersect']?.post as {
      responses: Record<string, unknown>;
      security: Array<Record<string, unknown>>;
    };
    expect(Object.keys(op.responses).sort()).toEqual(
      ['200', '400', '401', '405', '410', '413', '429', '500'].sort(),
    );
    expect(op.security[0]).toEqual({ mozToken: [] });
    const req = doc.components.schemas.MozLinkIntersectRequest as {
      properties: Record<string, { maximum?: number; maxItems?: number; default?: unknown }>;
    };
    expect(req.properties.limit).toMatchObject({ maximum: 50, default: 25 });
    expect(req.properties.positive_targets?.maxItems).toBe(6);
  });

  it('describes the native API with the limits its validator enforces', () => {
    const req = doc.components.schemas.NativeProspectsRequest as {
      properties: {
        limit: { maximum: number; default: number };
        query: { properties: { competitors: { maxItems: number } } };
      };
    };
    expect(req.properties.limit).toMatchObject({ maximum: 1000, default: 50 });
    expect(req.properties.query.properties.competitors.maxItems).toBe(20);
    for (const path of ['/api/v1/prospects', '/api/v1/overlap', '/api/v1/evidence']) {
      expect(Object.keys(doc.paths[path]?.post?.responses ?? {}).sort(), path).toEqual(
        ['200', '400', '401', '403', '413', '429', '500'].sort(),
      );
    }
    expect(Object.keys(doc.paths['/api/v1/export'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('survives JSON serialisation unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
