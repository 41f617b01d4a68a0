// The import boundaries between the three parts of certportal (the app, the emulator, the certificate
// toolkit) and inside the app, as `import-x/no-restricted-paths` zones. README's "Layout" section says the
// same in prose; this file is what keeps it true. `eslint-rules/__tests__/boundaries.test.ts` proves
// each zone rejects a wrong import and accepts a right one.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: zone paths are relative to it whatever directory ESLint runs from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Test files, which may import the emulator's test support (the app's Vitest tests start a test emulator). */
export const TEST_FILES = ['**/__tests__/**/*.{ts,tsx}'];

/** Each feature folder, read from disk so that a new feature is fenced in without editing this file. */
function featureFolders() {
  return readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

const TOOLKIT = {
  target: 'certificates',
  from: '.',
  // Itself, and packages (node_modules is a folder of the root on a fresh clone).
  except: ['./certificates', './node_modules'],
  message: 'The certificate toolkit (certificates/) imports only itself and packages: the app and the emulator both use it.',
};

const SHARED_APP_CODE = {
  target: ['src/lib', 'src/components'],
  from: ['src/features', 'src/app'],
  message: 'src/lib and src/components are shared by every feature: they import no feature and nothing of src/app (pass what they need in).',
};

function featureZones() {
  return featureFolders().map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: `A feature imports no other feature (src/features/${feature}): move what both need to src/lib or src/components.`,
  }));
}

const EMULATOR = {
  target: 'emulator',
  from: 'src',
  message: 'The emulator imports nothing from src/ (the app): shared code belongs in the certificate toolkit (certificates/).',
};

const EMULATOR_COMMON = {
  target: 'emulator/common',
  from: 'emulator',
  // Only itself and the stores; any service folder, present or to come, is out.
  except: ['./common', './store'],
  message: 'emulator/common is shared by every emulated service: it imports only itself and emulator/store, no service folder.',
};

const APP_NOT_EMULATOR = {
  target: 'src',
  from: 'emulator',
  message: 'The app (src/) never imports the emulator; only its tests (src/**/__tests__/) may import emulator/test-support.',
};

const APP_TESTS_EMULATOR_SUPPORT = {
  ...APP_NOT_EMULATOR,
  except: ['./test-support'],
};

function zones(appToEmulator) {
  return [TOOLKIT, SHARED_APP_CODE, ...featureZones(), EMULATOR, EMULATOR_COMMON, appToEmulator];
}

/** Flat-config blocks: every source file gets the zones; test files may also import emulator/test-support. */
export function importBoundaries(files) {
  const rule = (appToEmulator) => ({ 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: zones(appToEmulator) }] });
  return [
    { files, ignores: TEST_FILES, rules: rule(APP_NOT_EMULATOR) },
    { files: TEST_FILES, rules: rule(APP_TESTS_EMULATOR_SUPPORT) },
  ];
}
