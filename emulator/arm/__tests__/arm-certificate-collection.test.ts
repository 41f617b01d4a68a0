import { describe, expect, it } from 'vitest';
import { api, certificates, emulator, expectError, setUpArmErrorsEmulator } from './arm-error-fixtures.ts';

setUpArmErrorsEmulator();

describe('the collection', () => {
  const list = (query: string) => emulator.arm(`${certificates}?${api}&${query}`);

  it('$top, $skip and isKeyVaultRefreshFailed are checked', async () => {
    await expectError(await list('$top=0'), 400, 'ValidationError', /\$top must be a whole number of at least 1/);
    await expectError(await list('$skip=-1'), 400, 'ValidationError', /\$skip/);
    await expectError(await list('$top=many'), 400, 'ValidationError');
    await expectError(await list('isKeyVaultRefreshFailed=maybe'), 400, 'ValidationError', /true or false/);
  });

  it('a bad $filter says where it failed', async () => {
    const cases: Array<[string, RegExp]> = [
      ["subject eq 'unterminated", /position 12: this string is never closed/],
      ["colour eq 'red'", /position 1: unknown field 'colour'; you can filter on name, subject, thumbprint, expirationDate/],
      ["name eq 'a' and", /position 16: expected a field name or a value, found the end of the expression/],
      ["name lk 'a'", /position 6: expected a comparison operator/],
      ["contains(expirationDate,'2025')", /position 10: contains does not apply to 'expirationDate'/],
      ["expirationDate gt 'soon'", /position 19: 'expirationDate' is a date/],
      ['name eq 42', /position 9: 'name' is text/],
      ["(name eq 'a'", /position 13: expected '\)'/],
      ["name eq 'a' extra", /position 13: expected 'and', 'or' or the end/],
      ['expirationDate lt 2025-02-30', /position 19: '2025-02-30' is not a valid date/],
    ];
    for (const [filter, message] of cases) {
      const error = await expectError(await list(`$filter=${encodeURIComponent(filter)}`), 400, 'ValidationError', message);
      expect(error.target).toBe('$filter');
    }
  });

  it('pages with an absolute nextLink that keeps api-version and $filter, and counts all matches', async () => {
    const filter = "contains(subject,'contoso')";
    const first = (await (await list(`$top=2&$filter=${encodeURIComponent(filter)}`)).json()) as {
      value: Array<{ name: string }>;
      count: number;
      nextLink?: string;
    };
    expect(first.value).toHaveLength(2);
    expect(first.count).toBeGreaterThan(2);
    const next = new URL(first.nextLink!);
    expect(`${next.origin}/`).toBe(emulator.url);
    expect(next.pathname).toBe(`/arm${certificates}`);
    expect(next.searchParams.get('api-version')).toBe('2024-05-01');
    expect(next.searchParams.get('$filter')).toBe(filter);
    expect(next.searchParams.get('$skip')).toBe('2');
    const second = (await (await emulator.arm(next.pathname.slice(4) + next.search)).json()) as { value: Array<{ name: string }> };
    expect(second.value.map((c) => c.name)).not.toContain(first.value[0].name);
  });

  it("answers closed contracts: id, name, type and the spec's properties only", async () => {
    const body = (await (await list('')).json()) as { value: Array<Record<string, unknown> & { properties: Record<string, unknown> }> };
    for (const certificate of body.value) {
      expect(Object.keys(certificate).sort()).toEqual(['id', 'name', 'properties', 'type']);
      expect(certificate.id).toBe(`${certificates}/${String(certificate.name)}`);
      expect(Object.keys(certificate.properties).every((k) => ['subject', 'thumbprint', 'expirationDate', 'keyVault'].includes(k))).toBe(true);
      expect(certificate.properties.expirationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const keyVault = certificate.properties.keyVault as Record<string, unknown> | undefined;
      if (keyVault) expect(Object.keys(keyVault).every((k) => ['secretIdentifier', 'identityClientId', 'lastStatus'].includes(k))).toBe(true);
    }
  });
});
