import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EMULATOR_BUNDLE_MAIN, EMULATOR_NODE_ARGS } from '../build-emulator.ts';
import { startChildEmulator, type ChildEmulator } from '../test-support/child-emulator.ts';

/** The emulator runs as plain JavaScript with its Node options, however it is started (README: npm start). */

const dir = mkdtempSync(join(tmpdir(), 'certportal-build-'));
let emulator: ChildEmulator | undefined;
afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built emulator', () => {
  it("package.json's emulator and start scripts run the build with the emulator's Node options", () => {
    const { scripts } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    const run = `node ${EMULATOR_NODE_ARGS.join(' ')} dist-emulator/main.js`;
    expect(scripts.emulator).toContain(`&& ${run}`);
    expect(scripts.start).toContain(`&& ${run} serve --demo`);
  });

  it('a child emulator is that build, with those options and no TypeScript loader', async () => {
    emulator = await startChildEmulator({ location: dir });
    const argv = readFileSync(`/proc/${emulator.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(argv.slice(1, 2 + EMULATOR_NODE_ARGS.length)).toEqual([...EMULATOR_NODE_ARGS, EMULATOR_BUNDLE_MAIN]);
    expect(argv.join(' ')).not.toContain('tsx');
    expect((await emulator.call('/healthz')).status).toBe(200);
  });
});
