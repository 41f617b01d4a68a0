import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator } from './server.ts';
import { printToken } from './cli/token-command.ts';

const usage = `certportal emulator

  npm run emulator -- [serve] [--port N] [--location DIR | --in-memory] [--demo] [--no-app] [--app-origin URL]... [--provisioning-delay MS]
  npm run emulator -- token --url URL [--resource R] [--user NAME] [--password P]

serve      start the emulator (Entra ID, ARM/API Management, classic Service Management) over HTTPS
  --port N         port on 127.0.0.1 and ::1 (default 8443; 0 = any free port)
  --location DIR   where state is kept: database and TLS material (default .certportal/)
  --in-memory      keep nothing on disk (TLS material goes to a temp dir)
  --demo           seed demo certificates on first start
  --no-app         do not serve the built app from dist/
  --app-origin URL also allow this origin to sign in and call the APIs (e.g. http://localhost:5173)
  --provisioning-delay MS  how long long-running ARM operations (API Management services, group deletes) run (default 1500)

token      print an access token, like \`az account get-access-token\`
  --url URL        the emulator's URL
  --resource R     https://management.azure.com/ (default) or https://management.core.windows.net/
  --user NAME      a demo user (alice, bob, carol); default: the demo service principal
`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8443' },
      location: { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      'no-app': { type: 'boolean', default: false },
      'app-origin': { type: 'string', multiple: true, default: [] },
      quiet: { type: 'boolean', default: false },
      'provisioning-delay': { type: 'string' },
    },
  });
  if (values['in-memory'] && values.location) throw new Error('--location and --in-memory exclude each other.');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not '${values.port}'.`);
  const delay = values['provisioning-delay'] === undefined ? undefined : Number(values['provisioning-delay']);
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 600_000))
    throw new Error(`--provisioning-delay must be a number of milliseconds from 0 to 600000, not '${values['provisioning-delay']}'.`);
  const appDir = resolve('dist');
  const emulator = await startEmulator({
    port,
    location: values['in-memory'] ? null : (values.location ?? '.certportal'),
    appDir: values['no-app'] ? null : appDir,
    appOrigins: values['app-origin'],
    seedDemo: values.demo,
    provisioningDelayMs: delay,
    log: values.quiet ? () => undefined : (line) => console.log(line),
  });
  if (!values['no-app'] && !existsSync(resolve(appDir, 'index.html'))) {
    console.log('note: dist/ has no built app; run `npm run build` (npm start does it) to serve it here.');
  }
  console.log(`certportal emulator CA certificate: ${emulator.caPath}`);
  console.log(`  (trust it once, or accept the certificate warning in the browser: see README)`);
  console.log(`certportal emulator ready at ${emulator.url}`);
  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return;
  }
  if (command === 'token') return printToken(rest);
  if (command === 'serve') return serve(rest);
  return serve(process.argv.slice(2));
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Run `npm run emulator -- --help` for usage.');
  process.exit(1);
});
