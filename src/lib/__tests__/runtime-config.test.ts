import { describe, expect, it } from 'vitest';
import { validateConfig } from '../runtime-config';

const good = {
  environment: 'emulator',
  auth: { clientId: '8c1c9d0e-5b1e-4f6a-9d2c-3e4f5a6b7c8d', authority: 'https://login.example.test/tenant/', knownAuthorities: ['login.example.test'] },
  armEndpoint: 'https://localhost:8443/arm/',
  asmEndpoint: 'https://localhost:8443/asm',
};

const problemsOf = (raw: unknown) => {
  const result = validateConfig(raw);
  if (result.ok) throw new Error('expected a problem');
  return result;
};

describe('validateConfig', () => {
  it('accepts a good config and drops trailing slashes from the URLs', () => {
    expect(validateConfig(good)).toEqual({
      ok: true,
      config: { ...good, auth: { ...good.auth, authority: 'https://login.example.test/tenant' }, armEndpoint: 'https://localhost:8443/arm' },
    });
  });

  it('reads a missing or non-string environment as real Azure, and keeps no unknown key', () => {
    const { environment: _, ...rest } = good;
    const result = validateConfig({ ...rest, extra: true });
    expect(result.ok && result.config).toEqual({
      ...rest,
      environment: 'azure',
      auth: { ...good.auth, authority: 'https://login.example.test/tenant' },
      armEndpoint: 'https://localhost:8443/arm',
    });
    const numeric = validateConfig({ ...good, environment: 3 });
    expect(numeric.ok && numeric.config.environment).toBe('azure');
  });

  it('says when config.json is not an object at all', () => {
    for (const raw of [null, [], 'text', 42]) expect(problemsOf(raw)).toEqual({ ok: false, problem: 'config.json must hold a JSON object.' });
  });

  it('lists each wrong key, in the order of the file, with the value it found', () => {
    const result = problemsOf({
      auth: { clientId: 'nope', authority: 'http://example.test', knownAuthorities: [] },
      armEndpoint: 'https://management.azure.com',
    });
    expect(result.problem).toBe('config.json is not valid.');
    expect(result.detail?.split('\n')).toEqual([
      `"auth.clientId" must be the app registration's Application (client) ID, a GUID; found "nope".`,
      '"auth.authority" must use https:// (MSAL and Azure refuse plain http): "http://example.test".',
      '"asmEndpoint" is missing: it must be an https:// URL.',
    ]);
  });

  it('names a missing auth object, a missing client id, bad host names and URLs that are not URLs', () => {
    expect(problemsOf({ armEndpoint: 'not a url', asmEndpoint: '  ' }).detail?.split('\n')).toEqual([
      '"auth" is missing: it must be an object with clientId, authority and knownAuthorities.',
      '"armEndpoint" is not a valid URL: "not a url".',
      '"asmEndpoint" is missing: it must be an https:// URL.',
    ]);
    const auth = { authority: 'https://login.example.test', knownAuthorities: ['', 'ok', 7] };
    expect(problemsOf({ ...good, auth }).detail?.split('\n')).toEqual([
      `"auth.clientId" must be the app registration's Application (client) ID, a GUID; found null.`,
      '"auth.knownAuthorities" must be a list of host names, e.g. ["login.microsoftonline.com"].',
    ]);
  });
});
