import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from '../verified-token-cache.ts';

describe('VerifiedTokenCache', () => {
  const keys = {};
  it('serves a payload only for the keys that verified it', () => {
    const cache = new VerifiedTokenCache<object>();
    cache.set('t', keys, { exp: 2000, aud: 'a' });
    expect(cache.get('t', keys, 1000, 5)).toEqual({ exp: 2000, aud: 'a' });
    expect(cache.get('t', {}, 1000, 5)).toBeUndefined();
    expect(cache.get('t', keys, 1000, 5)).toBeUndefined(); // dropped for good
  });

  it('stops at the expiry (with the same tolerance jose allows) and waits for nbf', () => {
    const cache = new VerifiedTokenCache<object>();
    cache.set('t', keys, { exp: 2000, nbf: 1500 });
    expect(cache.get('t', keys, 1400, 5)).toBeUndefined();
    expect(cache.get('t', keys, 2004, 5)).toBeDefined();
    expect(cache.get('t', keys, 2005, 5)).toBeUndefined();
  });

  it('tells apart two tokens that end alike', () => {
    const cache = new VerifiedTokenCache<object>();
    const end = '.'.padEnd(80, 's');
    cache.set(`a${end}`, keys, { exp: 2000, sub: 'a' });
    expect(cache.get(`b${end}`, keys, 1000, 5)).toBeUndefined();
    expect(cache.get(`a${end}`, keys, 1000, 5)).toEqual({ exp: 2000, sub: 'a' });
  });

  it('never keeps a token without an expiry, and stays bounded', () => {
    const cache = new VerifiedTokenCache<object>();
    cache.set('forever', keys, {});
    expect(cache.get('forever', keys, 0, 5)).toBeUndefined();
    for (let i = 0; i < 2500; i++) cache.set(`t${i}`, keys, { exp: 10 });
    expect(cache.size).toBe(2000);
    expect(cache.get('t0', keys, 0, 5)).toBeUndefined();
    expect(cache.get('t2499', keys, 0, 5)).toBeDefined();
  });
});
