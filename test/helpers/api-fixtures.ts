/**
 * Shared fixtures of the DataForSEO API tests: paths, a task, credentials and the envelope type.
 */
import { type AuthConfig, createAuthConfig } from '../../src/api/auth.js';
import { basicAuth } from './http-app.js';

export const PAGE = '/v3/backlinks/page_intersection/live';
export const DOMAIN = '/v3/backlinks/domain_intersection/live';
/** Basic auth of the `alice` credential of `authConfig()`. */
export const AUTH = { Authorization: basicAuth('alice', 's3cret') };
export const TASK = { targets: { '1': 'a.com', '2': 'https://b.com/page' } };

/** Credentials: Basic `alice:s3cret` and Bearer `tok-abc`. */
export function authConfig(): AuthConfig {
  const r = createAuthConfig([
    { login: 'alice', password: 's3cret' },
    { name: 'ci', token: 'tok-abc' },
  ]);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** The response envelope as the tests read it. */
export interface Envelope {
  version: string;
  status_code: number;
  status_message: string;
  time: string;
  cost: number;
  tasks_count: number;
  tasks_error: number;
  tasks: Array<{
    id: string;
    status_code: number;
    status_message: string;
    cost: number;
    result_count: number;
    path: string[];
    data: Record<string, unknown>;
    result: Array<{ items: unknown[]; items_count: number; total_count: number }> | null;
  }>;
}
