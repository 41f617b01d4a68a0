import { describe, expect, it } from 'vitest';
import { calendarDaysLeft, expiryBand } from '../../../lib/expiry';
import { crossedThresholds } from '../alerts/alert-rules';
import { batched, fanOut, type SourceTask } from '../inventory/fan-out';
import { expiryBuckets } from '../inventory/expiry-buckets';
import { toCsv } from '../inventory/export-rows';
import type { InventoryRow } from '../inventory/inventory-row';
import { statusCounts, withDaysLeft } from '../inventory/inventory-view';

const at = (iso: string) => new Date(iso);
const row = (name: string, expiry: string | null): InventoryRow => ({
  key: name,
  kind: 'apim-custom',
  name,
  subject: `CN=${name}`,
  thumbprint: 'AB',
  expiry,
  keyVaultRefreshFailed: false,
  subscriptionId: 's',
  subscriptionName: 'Sub',
  serviceName: 'svc',
  link: '/apim/s/rg/svc/certificates',
});

describe('days left and bands', () => {
  it('counts calendar days, not 24-hour periods; expired is past the instant', () => {
    expect(calendarDaysLeft(new Date(2026, 0, 2, 1), new Date(2026, 0, 1, 23))).toBe(1);
    expect(calendarDaysLeft(new Date(2026, 0, 1, 18), new Date(2026, 0, 1, 9))).toBe(0);
    expect(expiryBand(new Date(2026, 0, 1, 18), new Date(2026, 0, 1, 9))).toBe('within7');
    expect(expiryBand(new Date(2026, 0, 1, 8), new Date(2026, 0, 1, 9))).toBe('expired');
    expect(expiryBand(new Date(2026, 0, 15, 8), new Date(2026, 0, 1, 9))).toBe('within14');
    expect(expiryBand(new Date(2026, 0, 16, 8), new Date(2026, 0, 1, 9))).toBe('within30');
    expect(expiryBand(new Date(2026, 1, 1, 8), new Date(2026, 0, 1, 9))).toBe('later');
  });
});

describe('fan-out', () => {
  it('never runs more than the bound at once, reads what tasks find, and reports a failure while the rest finish', async () => {
    let running = 0;
    let peak = 0;
    const leaf = (n: number): SourceTask<number> => ({
      label: `leaf ${n}`,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 2 + (n % 3)));
        running--;
        if (n === 7) throw new Error('HTTP 403');
        return { rows: [n] };
      },
    });
    const root: SourceTask<number> = { label: 'root', run: async () => ({ rows: [], more: Array.from({ length: 20 }, (_, i) => leaf(i)) }) };
    const events = [];
    for await (const e of fanOut([root], 3)) events.push(e);
    expect(peak).toBe(3);
    const rows = events.flatMap((e) => (e.type === 'rows' ? e.rows : []));
    expect(rows.sort((a, b) => a - b)).toEqual([...Array(20).keys()].filter((n) => n !== 7));
    expect(events.filter((e) => e.type === 'failed')).toEqual([{ type: 'failed', source: 'leaf 7', error: new Error('HTTP 403') }]);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(21);
    expect(events.filter((e) => e.type === 'found').reduce((n, e) => n + (e.type === 'found' ? e.count : 0), 0)).toBe(21);
  });

  it('batches a burst into one hand-over and keeps every event', async () => {
    let t = 0;
    async function* burst() {
      for (let i = 0; i < 10; i++) {
        t += i === 0 ? 0 : 10;
        yield i;
      }
    }
    const out = [];
    for await (const b of batched(burst(), 50, () => t)) out.push(b);
    expect(out.flat()).toEqual([...Array(10).keys()]);
    expect(out.length).toBeLessThan(4);
  });
});

describe('alerts', () => {
  const now = at('2026-03-10T12:00:00Z');
  it('names a certificate once, at the tightest threshold it crossed since the last visit', () => {
    const rows = [row('crossed-7', '2026-03-16T12:00:00Z'), row('still-9', '2026-03-19T12:00:00Z'), row('now-expired', '2026-03-09T12:00:00Z')];
    const alerts = crossedThresholds(rows, at('2026-03-05T12:00:00Z'), now, [30, 14, 7, 0]);
    expect(alerts.map((a) => [a.row.name, a.threshold])).toEqual([
      ['crossed-7', 7],
      ['now-expired', 0],
    ]);
    expect(crossedThresholds(rows, at('2026-03-05T12:00:00Z'), now, [30])).toEqual([]);
  });
});

describe('chart buckets and export', () => {
  it('every row with an expiry lands in one bar: the bars add up to the status counts', () => {
    const now = new Date(2026, 2, 10, 12);
    const days = [-5, 0, 3, 8, 20, 45, 89, 91, 120, 300, 365, 366, 900];
    const rows = withDaysLeft(
      days.map((d) => row(`d${d}`, new Date(now.getTime() + d * 86_400_000 + (d === 0 ? 3600_000 : 0)).toISOString())),
      now,
    );
    const buckets = expiryBuckets(rows, now);
    const counts = statusCounts(rows);
    expect(buckets[0]).toMatchObject({ label: 'Expired', count: counts.expired });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(days.length);
    expect(buckets.at(-1)).toMatchObject({ label: 'Later', count: 2 });
  });

  it('CSV quotes commas and neutralises formulas in attacker-chosen text', () => {
    const now = new Date();
    const [shown] = withDaysLeft([{ ...row('=HYPERLINK("x")', now.toISOString()), subject: 'CN=a, O=b' }], now);
    const [, line] = toCsv([shown], 'https://portal').split('\r\n');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"CN=a, O=b"');
    expect(line).toContain('https://portal/apim/s/rg/svc/certificates');
  });
});
