/**
 * @module Same-origin calls to the native API (`/api/v1/…`). Every failure becomes an
 * `ApiError` with words for the user: the server's `NativeError` message (and field), or a
 * sentence about the HTTP status or the network. Credentials, when the server wants them, are the
 * browser's Basic-auth prompt, so nothing here handles auth.
 */
import { encodeExploreParams } from '../../src/api/native/explore-params.js';
import type {
  EvidenceRequest,
  EvidenceResponse,
  ExploreQuery,
  IndexSummary,
  NativeError,
  OverlapRequest,
  OverlapResponse,
  ProspectSort,
  ProspectsRequest,
  ProspectsResponse,
  VerifyRequest,
  VerifyResponse,
} from '../../src/api/native/types.js';

/** A failed API call: what to tell the user, and the query field at fault if one is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** `NativeError` code, or `network` / `http`. */
  readonly code: string;
  /** Path of the offending field (`query.competitors.2.value`), when the server named one. */
  readonly field: string | undefined;

  constructor(message: string, status: number, code: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** True for the rejection of a fetch that was aborted on purpose (a newer request replaced it). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

const HTTP_WORDS: Record<number, string> = {
  401: 'The server wants a login: reload the page and sign in with a login:password credential (HTTP Basic), since a server with Bearer tokens only cannot be used from a browser.',
  404: 'The server has no such API route (is this linkgap serve, and up to date?).',
  413: 'The request is too large.',
  429: 'Too many requests: wait a moment and try again.',
  502: 'The server behind the proxy did not answer (502).',
  503: 'The server is busy or starting (503): try again in a moment.',
};

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy page or an empty body; the status says enough
  }
  const err = (body as Partial<NativeError> | null)?.error;
  if (err !== undefined && typeof err.message === 'string') {
    return new ApiError(err.message, res.status, err.code ?? 'http', err.field);
  }
  const words =
    HTTP_WORDS[res.status] ?? `The server answered ${res.status} ${res.statusText}`.trim();
  return new ApiError(words, res.status, 'http');
}

async function call<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(
      'Could not reach the linkgap server. Is `linkgap serve` still running?',
      0,
      'network',
    );
  }
  if (!res.ok) throw await errorOf(res);
  try {
    return (await res.json()) as T;
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError('The server sent an answer that is not JSON.', res.status, 'http');
  }
}

/** `GET /api/v1/index`: what is in the served index. */
export function fetchIndexSummary(signal?: AbortSignal): Promise<IndexSummary> {
  return call('/api/v1/index', undefined, signal);
}

/** `POST /api/v1/prospects`: one window of prospect rows. */
export function fetchProspects(
  req: ProspectsRequest,
  signal?: AbortSignal,
): Promise<ProspectsResponse> {
  return call('/api/v1/prospects', req, signal);
}

/** `POST /api/v1/overlap`: how the prospects spread over the competitors. */
export function fetchOverlap(req: OverlapRequest, signal?: AbortSignal): Promise<OverlapResponse> {
  return call('/api/v1/overlap', req, signal);
}

/** `POST /api/v1/evidence`: every counted backlink of one prospect. */
export function fetchEvidence(
  req: EvidenceRequest,
  signal?: AbortSignal,
): Promise<EvidenceResponse> {
  return call('/api/v1/evidence', req, signal);
}

/** `POST /api/v1/verify`: fetch up to 50 referring pages now and check their links. */
export function fetchVerify(req: VerifyRequest, signal?: AbortSignal): Promise<VerifyResponse> {
  return call('/api/v1/verify', req, signal);
}

/** The download link of the complete answer, in the table's sort (`format` csv or json). */
export function exportHref(
  format: 'csv' | 'json',
  query: ExploreQuery,
  sort: ProspectSort,
): string {
  const p = encodeExploreParams(query, sort);
  p.set('format', format);
  return `/api/v1/export?${p.toString()}`;
}
