import * as z from 'zod/mini';
import { GUID_PATTERN } from './guid';

// zod/mini: the config check runs before anything else loads, so it stays in the first chunk; mini keeps that small.
// Every message names the key and what it must hold: the config error page shows them as they are.

const urlMissing = (key: string) => `"${key}" is missing: it must be an https:// URL.`;

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** An https:// URL, kept without its trailing slashes (the clients append paths to it). */
const httpsUrl = (key: string) =>
  z.pipe(
    z.string({ error: urlMissing(key) }).check(
      z.refine((value) => value.trim() !== '', { error: urlMissing(key), abort: true }),
      z.refine(isUrl, { error: (issue) => `"${key}" is not a valid URL: "${String(issue.input)}".`, abort: true }),
      z.refine((value) => new URL(value).protocol === 'https:', {
        error: (issue) => `"${key}" must use https:// (MSAL and Azure refuse plain http): "${String(issue.input)}".`,
      }),
    ),
    z.transform((value: string) => value.replace(/\/+$/, '')),
  );

const clientIdProblem = (issue: { input?: unknown }) =>
  `"auth.clientId" must be the app registration's Application (client) ID, a GUID; found ${JSON.stringify(issue.input ?? null)}.`;
const knownAuthoritiesProblem = '"auth.knownAuthorities" must be a list of host names, e.g. ["login.microsoftonline.com"].';

/** What `config.json` beside index.html must hold: one build serves real Azure or the emulator. */
export const runtimeConfigSchema = z.object(
  {
    // Not checked: anything but a string reads as real Azure.
    environment: z.catch(z.string(), 'azure'),
    auth: z.object(
      {
        clientId: z.string({ error: clientIdProblem }).check(z.regex(GUID_PATTERN, { error: clientIdProblem })),
        authority: httpsUrl('auth.authority'),
        knownAuthorities: z.array(z.string({ error: knownAuthoritiesProblem }).check(z.minLength(1, { error: knownAuthoritiesProblem })), {
          error: knownAuthoritiesProblem,
        }),
      },
      { error: '"auth" is missing: it must be an object with clientId, authority and knownAuthorities.' },
    ),
    armEndpoint: httpsUrl('armEndpoint'),
    asmEndpoint: httpsUrl('asmEndpoint'),
  },
  { error: 'config.json must hold a JSON object.' },
);

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problem: string; detail?: string };

/** Checks a parsed config.json and names every problem, so the page can say exactly what to fix. */
export function validateConfig(raw: unknown): ConfigResult {
  const result = z.safeParse(runtimeConfigSchema, raw);
  if (result.success) return { ok: true, config: result.data };
  const whole = result.error.issues.find((issue) => issue.path.length === 0);
  if (whole) return { ok: false, problem: whole.message };
  // One line per problem: several empty host names are still one wrong key.
  const problems = [...new Set(result.error.issues.map((issue) => issue.message))];
  return { ok: false, problem: 'config.json is not valid.', detail: problems.join('\n') };
}
