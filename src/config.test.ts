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

describe('DATABASE_REPLICA_URL', () => {
  it('is read next to a PostgreSQL DATABASE_URL and refused without one', () => {
    const primary = 'postgres://jaring@db1:5432/jaring';
    const replica = 'postgres://jaring@db2:5432/jaring';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl).toBe(replica);
    expect(loadConfig({ DATABASE_URL: primary }).databaseReplicaUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(/DATABASE_REPLICA_URL.*DATABASE_URL/);
  });
});
