import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config.ts';

describe('JARING_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', { hops: 1 }],
    ['2', { hops: 2 }],
    ['loopback', { addresses: ['loopback'] }],
    ['10.0.0.0/8, 127.0.0.1,::1', { addresses: ['10.0.0.0/8', '127.0.0.1', '::1'] }],
  ])('%j → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('refuses anything else, naming the variable, rather than trusting every client', () => {
    expect(() => parseTrustProxy('true')).toThrow(/JARING_TRUST_PROXY.*"true"/);
    expect(() => parseTrustProxy('10.0.0.0/8,proxy.local')).toThrow(/"proxy\.local"/);
  });

  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ JARING_TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
  });
});
