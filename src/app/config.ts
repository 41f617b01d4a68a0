import { GUID_PATTERN } from '../lib/guid';

/** What `config.json` beside index.html must hold: one build serves real Azure or the emulator. */
export interface RuntimeConfig {
  environment: 'azure' | 'emulator' | string;
  auth: {
    clientId: string;
    authority: string;
    knownAuthorities: string[];
  };
  armEndpoint: string;
  asmEndpoint: string;
}

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problem: string; detail?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function httpsUrl(value: unknown, key: string): string | string[] {
  if (typeof value !== 'string' || value.trim() === '') return [`"${key}" is missing: it must be an https:// URL.`];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [`"${key}" is not a valid URL: "${value}".`];
  }
  if (url.protocol !== 'https:') return [`"${key}" must use https:// (MSAL and Azure refuse plain http): "${value}".`];
  return value.replace(/\/+$/, '');
}

/** Checks a parsed config.json and names every problem, so the page can say exactly what to fix. */
export function validateConfig(raw: unknown): ConfigResult {
  if (!isRecord(raw)) return { ok: false, problem: 'config.json must hold a JSON object.' };
  const problems: string[] = [];
  const auth = raw.auth;
  let clientId = '';
  let authority: string | string[] = '';
  let knownAuthorities: string[] = [];
  if (!isRecord(auth)) problems.push('"auth" is missing: it must be an object with clientId, authority and knownAuthorities.');
  else {
    if (typeof auth.clientId !== 'string' || !GUID_PATTERN.test(auth.clientId)) {
      problems.push(`"auth.clientId" must be the app registration's Application (client) ID, a GUID; found ${JSON.stringify(auth.clientId ?? null)}.`);
    } else clientId = auth.clientId;
    authority = httpsUrl(auth.authority, 'auth.authority');
    if (Array.isArray(authority)) problems.push(...authority);
    if (!Array.isArray(auth.knownAuthorities) || !auth.knownAuthorities.every((a) => typeof a === 'string' && a.length > 0)) {
      problems.push('"auth.knownAuthorities" must be a list of host names, e.g. ["login.microsoftonline.com"].');
    } else knownAuthorities = auth.knownAuthorities as string[];
  }
  const armEndpoint = httpsUrl(raw.armEndpoint, 'armEndpoint');
  if (Array.isArray(armEndpoint)) problems.push(...armEndpoint);
  const asmEndpoint = httpsUrl(raw.asmEndpoint, 'asmEndpoint');
  if (Array.isArray(asmEndpoint)) problems.push(...asmEndpoint);
  if (problems.length > 0 || Array.isArray(authority) || Array.isArray(armEndpoint) || Array.isArray(asmEndpoint)) {
    return { ok: false, problem: 'config.json is not valid.', detail: problems.join('\n') };
  }
  return {
    ok: true,
    config: {
      environment: typeof raw.environment === 'string' ? raw.environment : 'azure',
      auth: { clientId, authority, knownAuthorities },
      armEndpoint,
      asmEndpoint,
    },
  };
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl('/config.json', { cache: 'no-store' });
  } catch (error) {
    return { ok: false, problem: 'config.json could not be fetched.', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 404) {
    return { ok: false, problem: 'config.json is missing.', detail: 'Put a config.json beside index.html (see config.example.json and the README).' };
  }
  if (!response.ok) return { ok: false, problem: `config.json could not be fetched: HTTP ${response.status}.` };
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'config.json is not valid JSON.', detail: error instanceof Error ? error.message : String(error) };
  }
  return validateConfig(parsed);
}
