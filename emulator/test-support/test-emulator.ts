import { startEmulator, type EmulatorOptions, type RunningEmulator, type ServiceCatalog } from '../server.ts';
import { mintAccessToken } from './mint-token.ts';
import { ARM_AUDIENCE, ASM_AUDIENCE } from '../identity/directory.ts';
import { DEMO_USERS, type DemoUser } from '../seed/demo-ids.ts';

export interface TestEmulator extends RunningEmulator {
  /** A signed access token for a demo user ('alice' owner, 'bob' reader, 'carol' nobody). */
  token(user: 'alice' | 'bob' | 'carol', audience?: 'arm' | 'asm', offsetSeconds?: number): Promise<string>;
  arm(path: string, init?: RequestInit & { user?: 'alice' | 'bob' | 'carol' }): Promise<Response>;
  asm(path: string, init?: RequestInit & { user?: 'alice' | 'bob' | 'carol' }): Promise<Response>;
}

/** An emulator on a free port, in memory, for one test file (serving `services`, by default the real ones). Close it in afterAll. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}, services?: ServiceCatalog): Promise<TestEmulator> {
  const logs: string[] = [];
  const emulator = await startEmulator(
    {
      port: 0,
      location: null,
      appDir: null,
      tlsDir: process.env.CERTPORTAL_TEST_TLS_DIR,
      log: (line) => logs.push(line),
      ...options,
    },
    services,
  );
  const userByName = (name: string): DemoUser => DEMO_USERS.find((u) => u.username === name)!;
  const token: TestEmulator['token'] = (user, audience = 'arm', offsetSeconds = 0) =>
    mintAccessToken(emulator.keys, {
      issuer: emulator.issuer,
      audience: audience === 'arm' ? ARM_AUDIENCE : ASM_AUDIENCE,
      user: userByName(user),
      offsetSeconds,
    });
  const call =
    (prefix: string, audience: 'arm' | 'asm') =>
    async (path: string, init: RequestInit & { user?: 'alice' | 'bob' | 'carol' } = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${await token(init.user ?? 'alice', audience)}`);
      if (audience === 'asm' && !headers.has('x-ms-version')) headers.set('x-ms-version', '2014-10-01');
      return fetch(`${emulator.url.replace(/\/$/, '')}${prefix}${path}`, { ...init, headers });
    };
  return Object.assign(emulator, { token, arm: call('/arm', 'arm'), asm: call('/asm', 'asm'), logs });
}
