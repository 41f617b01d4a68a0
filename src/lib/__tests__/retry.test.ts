import { describe, expect, it } from 'vitest';
import { AzureApiError, NetworkError } from '../api-error';
import { isTransient, parseRetryAfter, queryRetryDelay, shouldRetryQuery } from '../retry';

const answered = (status: number, retryAfterMs?: number) => new AzureApiError(status, `Http${status}`, 'failed', null, undefined, undefined, retryAfterMs);

describe('isTransient', () => {
  it('retries timeouts, throttling and server errors, as Azure documents', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isTransient(answered(status)), String(status)).toBe(true);
  });
  it('does not retry an answer that will not change: 4xx, 501 Not Implemented, 505 Version Not Supported', () => {
    for (const status of [400, 401, 403, 404, 409, 412, 501, 505]) expect(isTransient(answered(status)), String(status)).toBe(false);
  });
  it('retries a request that got no answer, and anything else that is not the service speaking', () => {
    expect(isTransient(new NetworkError('https://management.azure.com/subscriptions', new TypeError('fetch failed')))).toBe(true);
    expect(isTransient(new Error('Signing in again…'))).toBe(true);
  });
});

describe('the query client rule', () => {
  it('asks again twice at most, and only when it can help', () => {
    expect([0, 1, 2].map((count) => shouldRetryQuery(count, answered(503)))).toEqual([true, true, false]);
    expect(shouldRetryQuery(0, answered(404))).toBe(false);
    expect(shouldRetryQuery(0, answered(429))).toBe(true);
  });
  it('waits what Retry-After says, and leaves a long wait to the admin', () => {
    expect(queryRetryDelay(0, answered(429, 5_000))).toBe(5_000);
    expect(shouldRetryQuery(0, answered(429, 120_000))).toBe(false);
  });
  it('backs off exponentially without Retry-After, capped at 30 s', () => {
    expect([0, 1, 2, 10].map((count) => queryRetryDelay(count, answered(500)))).toEqual([1_000, 2_000, 4_000, 30_000]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads seconds, an HTTP date, and Azure’s millisecond headers first', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': '7' }), now)).toBe(7_000);
    expect(parseRetryAfter(new Headers({ 'Retry-After': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now)).toBe(10_000);
    expect(parseRetryAfter(new Headers({ 'Retry-After': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ 'Retry-After': '7', 'x-ms-retry-after-ms': '250' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '1500' }), now)).toBe(1_500);
  });
  it('is undefined when absent, empty or unreadable', () => {
    for (const headers of [{}, { 'Retry-After': '' }, { 'Retry-After': 'soon' }, { 'retry-after-ms': '' }, { 'retry-after-ms': '-1' }] as Array<
      Record<string, string>
    >) {
      expect(parseRetryAfter(new Headers(headers), now)).toBeUndefined();
    }
  });
});
