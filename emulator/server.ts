import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from './store/database.ts';
import { openPrivateDatabase, privateDirectory, privateFile } from './store/private-files.ts';
import { loadOrCreateTls } from './tls/local-ca.ts';
import { currentSigningKeys, loadOrCreateSigningKeys, type SigningKeys } from './identity/signing-keys.ts';
import { createTokenVerifier } from './identity/verify-token.ts';
import { createIdentityProvider } from './identity/identity-provider.ts';
import { bearerToken, type BearerAuthenticator } from './identity/bearer-authenticator.ts';
import { ARM_AUDIENCES, ASM_AUDIENCE, TENANT_ID } from './identity/directory.ts';
import { createAdfsAuthority } from './identity/adfs/adfs-authority.ts';
import type { EmulatorEnv } from './common/api-types.ts';
import type { ServiceDefinition } from './common/service-definition.ts';
import { armService } from './arm/arm-service.ts';
import { asmService } from './asm/asm-service.ts';
import { apimDirectService } from './apim-direct/direct-service.ts';
import { seedDemoData, seedDirectory } from './seed/demo-data.ts';
import { createPipeline, type RequestHandler } from './pipeline.ts';
import { createSite } from './site.ts';
import { listen } from './listeners.ts';
import { closePfxPool } from './arm/certificates/pfx-pool.ts';
import { durableCommits, type DurableCommits } from './store/durable-commits.ts';

export interface EmulatorOptions {
  port?: number;
  /** Directory for the database and TLS material; null = in memory (TLS material in a temp dir). */
  location: string | null;
  /** The built app to serve; null = don't serve it. */
  appDir?: string | null;
  /** Extra origins allowed to call the APIs and sign in (e.g. the Vite dev server). */
  appOrigins?: string[];
  seedDemo?: boolean;
  log?: (line: string) => void;
  accessTokenTtlSeconds?: number;
  /** Where the CA and localhost certificate live, when not under `location` (tests share one CA). */
  tlsDir?: string;
  /** How long long-running operations (API Management services, resource group deletes) take; short by default so pollers finish fast. */
  provisioningDelayMs?: number;
}

/** Long enough that a poller sees `Creating` → `Succeeded`, short enough that tests do not wait. */
export const DEFAULT_PROVISIONING_DELAY_MS = 1500;

export interface RunningEmulator {
  url: string;
  port: number;
  caPath: string;
  authority: string;
  issuer: string;
  db: Db;
  /** When the database's commits reach the disk. */
  commits: DurableCommits;
  keys: SigningKeys;
  close(): Promise<void>;
}

/** What a service is built from: a bearer token check for its audience, against the emulator's identity provider. */
export interface ServiceDependencies {
  bearer(audiences: string | readonly string[]): BearerAuthenticator;
}

/** The API surfaces an emulator serves. */
export type ServiceCatalog = (dependencies: ServiceDependencies) => ServiceDefinition[];

export const emulatedServices: ServiceCatalog = ({ bearer }) => [
  armService(bearer(ARM_AUDIENCES)),
  asmService(bearer(ASM_AUDIENCE), TENANT_ID),
  apimDirectService(),
];

/** Until the pipeline exists (between listen and the identity provider's start), nothing is served. */
const notReady: RequestHandler = async (_req, res) => {
  res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('Starting');
};

/** The composition root: the database, TLS, keys and identity, the services, the pipeline, the listeners. */
export async function startEmulator(options: EmulatorOptions, services: ServiceCatalog = emulatedServices): Promise<RunningEmulator> {
  const location = options.location ? resolve(options.location) : null;
  const log = options.log ?? ((line: string) => console.log(line));
  const db = openPrivateDatabase(location, log);
  seedDirectory(db);
  if (options.seedDemo) await seedDemoData(db);
  const tlsDir = options.tlsDir ?? (location ? join(location, 'tls') : mkdtempSync(join(tmpdir(), 'certportal-tls-')));
  privateDirectory(tlsDir, log);
  const tls = await loadOrCreateTls(tlsDir);
  privateFile(join(tlsDir, 'localhost-key.pem'), log);
  const keys = await loadOrCreateSigningKeys(db);
  const commits = durableCommits(db, location, log);

  // The origin is known only once the port is: the identity provider and the pipeline are built after listen.
  let handle = notReady;
  const listeners = await listen({ port: options.port ?? 0, serverKeyPem: tls.serverKeyPem, serverCertPem: tls.serverCertPem, log }, (req, res) =>
    handle(req, res),
  );
  const origin = `https://localhost:${listeners.port}`;
  const appOrigins = options.appOrigins ?? [];
  const identity = await createIdentityProvider({ db, origin, keys, appOrigins, accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  const adfs = createAdfsAuthority({ origin, keys, accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  const verifier = createTokenVerifier(currentSigningKeys(db, keys), [identity.issuer, adfs.issuer]);
  const env: EmulatorEnv = { db, origin, now: () => new Date(), provisioningDelayMs: options.provisioningDelayMs ?? DEFAULT_PROVISIONING_DELAY_MS };
  handle = createPipeline({
    origin,
    appOrigins,
    services: services({ bearer: (audiences) => bearerToken(verifier, audiences, identity.authority) }),
    env,
    commits,
    site: createSite({ origin, identity, adfs, appDir: options.appDir ?? null }),
    log,
  });

  return {
    url: `${origin}/`,
    port: listeners.port,
    caPath: tls.caPath,
    authority: identity.authority,
    issuer: identity.issuer,
    db,
    commits,
    keys,
    async close() {
      await listeners.close();
      await closePfxPool();
      await commits.close();
      db.close();
    },
  };
}
