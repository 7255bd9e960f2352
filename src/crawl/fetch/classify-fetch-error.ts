/**
 * Maps what undici, node:net, node:tls and getaddrinfo throw to the crawler's error classes,
 * looking at the error's `code` and those of its `cause` chain.
 */
import type { FetchErrorClass } from '../types.js';

const TIMEOUT = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'LINKGAP_FETCH_TIMEOUT',
]);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const PROTOCOL = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_NOT_SUPPORTED',
  'ERR_INVALID_URL',
  'LINKGAP_UNSUPPORTED_SCHEME',
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // undici's parser errors often carry no code (an unmapped llhttp error number).
    if ((e as { name?: unknown }).name === 'HTTPParserError') codes.push('HPE_UNKNOWN');
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

function isTls(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code === 'EPROTO' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'HOSTNAME_MISMATCH'
  );
}

/**
 * The class of a failed fetch attempt: `timeout` (connect, headers, body idle or the attempt's
 * deadline), `dns` (the name does not resolve), `tls` (handshake or certificate), `protocol`
 * (not HTTP/1.1 the parser accepts: `HPE_*`, a bad URL or scheme) or else `network` (refused,
 * reset, closed early, unreachable). Only `timeout` and `network` are worth a retry.
 */
export function classifyFetchError(error: unknown): FetchErrorClass {
  const codes = codesOf(error);
  if (codes.some((c) => TIMEOUT.has(c))) return 'timeout';
  if (codes.some((c) => DNS.has(c))) return 'dns';
  if (codes.some(isTls)) return 'tls';
  if (codes.some((c) => c.startsWith('HPE_') || PROTOCOL.has(c))) return 'protocol';
  return 'network';
}

/** Whether a failure of this class is retried. */
export function isRetriableClass(errorClass: FetchErrorClass): boolean {
  return errorClass === 'timeout' || errorClass === 'network';
}
