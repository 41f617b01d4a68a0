import { validateConfig, type ConfigResult } from '../lib/runtime-config';

/** Reads config.json beside index.html; every way it can fail becomes a problem the config error page can show. */
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
