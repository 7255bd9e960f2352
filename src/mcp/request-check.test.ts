import { describe, expect, it } from 'vitest';
import { invalidParams } from './request-check.js';

describe('invalidParams', () => {
  it('answers -32602 naming the field for a tools/call whose name is not a string', () => {
    const r = invalidParams({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: [1] } });
    expect(r).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32602 } });
    expect(r?.error.message).toMatch(/^Invalid params: params\.name: /);
    expect(r?.error.message).not.toContain('\n');
  });

  it('leaves valid requests, notifications, unknown methods and non-objects to the SDK', () => {
    const call = { name: 'link_gap', arguments: { competitors: ['a.com'] } };
    expect(invalidParams({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: call })).toBe(null);
    expect(invalidParams({ jsonrpc: '2.0', method: 'notifications/initialized' })).toBe(null);
    expect(invalidParams({ jsonrpc: '2.0', id: 1, method: 'prompts/get', params: 5 })).toBe(null);
    expect(invalidParams([{ jsonrpc: '2.0', id: 1, method: 'ping' }])).toBe(null);
    expect(invalidParams('x')).toBe(null);
  });

  it('checks initialize too', () => {
    const r = invalidParams({ jsonrpc: '2.0', id: 'a', method: 'initialize', params: {} });
    expect(r?.error.code).toBe(-32602);
  });
});
