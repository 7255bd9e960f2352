import { describe, expect, it } from 'vitest';
import { classifyFetchError, isRetriableClass } from './classify-fetch-error.js';

function err(code: string | undefined, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(code ?? 'x'), { code, ...extra });
}

describe('classifyFetchError', () => {
  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['HPE_INVALID_CONSTANT', 'protocol'],
    ['ECONNREFUSED', 'network'],
    ['ECONNRESET', 'network'],
    ['UND_ERR_SOCKET', 'network'],
  ])('%s is %s', (code, cls) => {
    expect(classifyFetchError(err(code))).toBe(cls);
  });

  it('looks through the cause chain', () => {
    const outer = err('UND_ERR_SOCKET', { cause: err('ENOTFOUND') });
    expect(classifyFetchError(outer)).toBe('dns');
  });

  it('takes an HTTPParserError without a code as protocol', () => {
    expect(classifyFetchError(err(undefined, { name: 'HTTPParserError' }))).toBe('protocol');
  });

  it('calls anything unknown a network error', () => {
    expect(classifyFetchError(new Error('other side closed'))).toBe('network');
    expect(classifyFetchError('weird')).toBe('network');
  });
});

describe('isRetriableClass', () => {
  it('retries timeouts and network errors only', () => {
    expect(
      ['timeout', 'network', 'dns', 'tls', 'too-large', 'protocol'].map((c) =>
        isRetriableClass(c as never),
      ),
    ).toEqual([true, true, false, false, false, false]);
  });
});
