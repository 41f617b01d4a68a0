import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath } from '../test-support/child-emulator.ts';
import { FilterBudgetExceeded, withinFilterBudget } from '../common/odata-filter-budget.ts';
import { ODATA_FILTER_LIMITS } from '../common/odata-filter-limits.ts';
import { certificateFilterFields } from '../arm/certificates/list-certificates.ts';
import { compileCertificateFilter } from '../store/apim-certificate-list/certificate-filter.ts';
import { listCertificatePage } from '../store/apim-certificate-list/list-page.ts';
import { openDatabase } from '../store/database.ts';
import { insertCertificate } from '../store/apim-certificate-store.ts';

/**
 * Issue 13, findings 1 and 5: a `$filter` from a Reader must cost a bounded, small amount of the server's
 * one thread. Before the limits, 750 OR-ed terms took 24 s and answered 500, and 1,000 nested `not` hit
 * SQLite's expression depth (500).
 */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

/** `name eq '000'or name eq '001'or …`: 16 characters a term, so 750 terms and a token fit Node's 16 KiB request head. */
const orTerms = (count: number) => Array.from({ length: count }, (_, i) => `name eq '${String(i).padStart(3, '0')}'`).join('or ');

/** node:https, the query sent as written: fetch would percent-encode every quote and push 750 terms past 16 KiB. */
async function listAsBob(filter: string): Promise<{ status: number; body: { error?: { code: string; target?: string; message: string } }; ms: number }> {
  const token = await emulator.token('bob');
  const path = `${certificatesPath()}?${API_VERSION}&$filter=${filter.replace(/ /g, '+')}`;
  const started = performance.now();
  const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpsRequest({ host: 'localhost', port: emulator.port, path, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
  return { status: reply.status, body: JSON.parse(reply.text) as { error?: { code: string; message: string } }, ms: performance.now() - started };
}

describe('$filter cost is bounded', () => {
  it('750 OR-ed terms (a 12 KB URL, as curl sends it), as the Reader: a quick 400 ValidationError naming the limit', async () => {
    const reply = await listAsBob(orTerms(750));
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'ValidationError', target: '$filter' });
    expect(reply.body.error!.message).toContain(`the limit is ${ODATA_FILTER_LIMITS.maxLength}`);
    expect(reply.ms).toBeLessThan(1000);
    const health = performance.now();
    expect((await fetch(`${emulator.url}healthz`)).status).toBe(200);
    expect(performance.now() - health).toBeLessThan(200);
  });

  it('one term past the term limit, short enough for the length limit: 400 naming the term limit', async () => {
    const filter = Array.from({ length: ODATA_FILTER_LIMITS.maxTerms + 1 }, () => "name eq 'a'").join(' or ');
    expect(filter.length).toBeLessThan(ODATA_FILTER_LIMITS.maxLength);
    const reply = await listAsBob(filter);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'ValidationError', target: '$filter' });
    expect(reply.body.error!.message).toContain(`more than ${ODATA_FILTER_LIMITS.maxTerms} comparisons, the limit`);
  });

  it('a filter at the term limit is answered, with the rows it names', async () => {
    const names = ['payments-client', 'partner-gateway'];
    const filter = [...names.map((name) => `name eq '${name}'`), ...Array.from({ length: ODATA_FILTER_LIMITS.maxTerms - 2 }, (_, i) => `name eq 'x${i}'`)].join(
      ' or ',
    );
    const reply = await listAsBob(filter);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(1000);
  });

  it('1,000 nested not: 400 naming the nesting limit, not a 500 from SQLite', async () => {
    const reply = await listAsBob(`${'not '.repeat(1000)}name eq 'x'`);
    expect(reply.status).toBe(400);
    expect(reply.body.error!.message).toContain(`nested more than ${ODATA_FILTER_LIMITS.maxDepth} deep`);
    const parens = await listAsBob(`${'('.repeat(1000)}name eq 'x'${')'.repeat(1000)}`);
    expect(parens.status).toBe(400);
    expect(parens.body.error!.message).toContain('nested more than');
  });

  it('a filter longer than the length limit: 400 naming the length, before parsing', async () => {
    const reply = await listAsBob(`contains(subject,'${'a'.repeat(ODATA_FILTER_LIMITS.maxLength)}')`);
    expect(reply.status).toBe(400);
    expect(reply.body.error!.message).toContain(`the limit is ${ODATA_FILTER_LIMITS.maxLength}`);
  });

  it('compiling grows linearly: 100 terms compile in well under a millisecond each', () => {
    const time = (terms: number) => {
      const filter = Array.from({ length: terms }, (_, i) => `contains(subject,'term${i}x')`).join(' or ');
      const started = performance.now();
      for (let i = 0; i < 20; i++) compileCertificateFilter(filter, certificateFilterFields);
      return (performance.now() - started) / 20;
    };
    time(ODATA_FILTER_LIMITS.maxTerms);
    expect(time(ODATA_FILTER_LIMITS.maxTerms)).toBeLessThan(20);
  });
});

describe('the $filter time budget', () => {
  it('stops a list that tests rows past its budget with FilterBudgetExceeded, within a few milliseconds of it', () => {
    const db = openDatabase(null);
    const key = { subscriptionId: 's', resourceGroup: 'rg', serviceName: 'svc' };
    const values = { thumbprint: 'AB', expirationDate: '2026-01-01T00:00:00Z', keyVault: null, data: null };
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insertCertificate(db, key, `cert-${i}`, { ...values, subject: `CN=row ${i} ${'x'.repeat(50)}` }, new Date());
    })();
    // 100 terms no index narrows (`not`), each tested on every row.
    const filter = compileCertificateFilter(
      Array.from({ length: ODATA_FILTER_LIMITS.maxTerms }, (_, i) => `not contains(subject,'y${i}')`).join(' and '),
      certificateFilterFields,
    );
    const list = () => listCertificatePage(db, key, { filter, failedRefreshOnly: false, skip: 0, pageSize: 10 });
    list(); // the index is built outside the budget
    const started = performance.now();
    expect(() => withinFilterBudget(list, 1)).toThrow(FilterBudgetExceeded);
    expect(performance.now() - started).toBeLessThan(100);
    // The deadline is gone afterwards: the same list runs to the end outside that budget.
    expect(list().count).toBe(20_000);
    db.close();
  });
});
