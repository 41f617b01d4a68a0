import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each import boundary of eslint.config.js, proved on one-line fixtures linted as if they sat in the zone
 * (`lintText` with a `filePath` that need not exist): a wrong import fails with the zone's own message, a
 * right one passes. The imported files are real (found on disk), because an import that does not resolve
 * is skipped by the rule: a wrong import that fails also proves the resolver works.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** A source file under `folder` (repository-relative), so that the fixtures follow files that move. */
function fileIn(folder: string): string {
  const entries = readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true });
  const file = entries.find(
    (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.parentPath.includes('__tests__'),
  );
  if (!file) throw new Error(`No source file under ${folder}`);
  return path.relative(ROOT, path.join(file.parentPath, file.name));
}

type Style = 'with extension' | 'without extension';

/** The specifier a file at `from` writes to import `target`, both repository-relative. */
function specifier(from: string, target: string, style: Style): string {
  const relative = path.relative(path.dirname(from), target).split(path.sep).join('/');
  const written = relative.startsWith('.') ? relative : `./${relative}`;
  return style === 'with extension' ? written : written.replace(/\.tsx?$/, '');
}

async function boundaryErrors(fixture: string, target: string, style: Style = 'without extension'): Promise<string[]> {
  const code = `import * as imported from '${specifier(fixture, target, style)}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, fixture) });
  expect(result.messages.filter((m) => m.ruleId !== 'import-x/no-restricted-paths')).toEqual([]);
  return result.messages.map((m) => m.message);
}

const TOOLKIT = 'The certificate toolkit (certificates/) imports only itself and packages';
const SHARED = 'src/lib and src/components are shared by every feature: they import no feature and nothing of src/app';
const FEATURE = 'A feature imports no other feature';
const EMULATOR = 'The emulator imports nothing from src/ (the app)';
const COMMON = 'emulator/common is shared by every emulated service: it imports only itself and emulator/store';
const APP = 'The app (src/) never imports the emulator';

interface Zone {
  zone: string;
  fixture: string;
  wrong: () => string;
  message: string;
  right: () => string;
}

const ZONES: Zone[] = [
  { zone: 'toolkit → app', fixture: 'certificates/fixture.ts', wrong: () => fileIn('src/lib'), message: TOOLKIT, right: () => fileIn('certificates') },
  {
    zone: 'toolkit → emulator',
    fixture: 'certificates/fixture.ts',
    wrong: () => fileIn('emulator/store'),
    message: TOOLKIT,
    right: () => fileIn('certificates'),
  },
  { zone: 'src/lib → src/app', fixture: 'src/lib/fixture.ts', wrong: () => fileIn('src/app'), message: SHARED, right: () => fileIn('certificates') },
  {
    zone: 'src/components → feature',
    fixture: 'src/components/fixture.tsx',
    wrong: () => fileIn('src/features/home'),
    message: SHARED,
    right: () => fileIn('src/lib'),
  },
  {
    zone: 'feature → another feature',
    fixture: 'src/features/home/fixture.tsx',
    wrong: () => fileIn('src/features/subscriptions'),
    message: FEATURE,
    right: () => fileIn('src/components'),
  },
  { zone: 'emulator → app', fixture: 'emulator/arm/fixture.ts', wrong: () => fileIn('src/lib'), message: EMULATOR, right: () => fileIn('certificates') },
  {
    zone: 'emulator/common → service folder',
    fixture: 'emulator/common/fixture.ts',
    wrong: () => fileIn('emulator/arm'),
    message: COMMON,
    right: () => fileIn('emulator/store'),
  },
  { zone: 'app → emulator', fixture: 'src/lib/fixture.ts', wrong: () => fileIn('emulator/store'), message: APP, right: () => fileIn('src/lib') },
  {
    zone: 'app test → emulator beyond test-support',
    fixture: 'src/lib/__tests__/fixture.test.ts',
    wrong: () => fileIn('emulator/store'),
    message: APP,
    right: () => 'emulator/test-support/test-emulator.ts',
  },
];

describe('import boundaries', () => {
  describe.each(ZONES)('$zone', ({ fixture, wrong, message, right }) => {
    it.each<Style>(['without extension', 'with extension'])('rejects the wrong import written %s', async (style) => {
      const errors = await boundaryErrors(fixture, wrong(), style);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(message);
    });

    it('accepts an allowed import', async () => {
      expect(await boundaryErrors(fixture, right())).toEqual([]);
    });
  });

  it('fences every feature folder, including one added later', async () => {
    // The zones are read from src/features at lint time: each existing feature is its own zone.
    const features = readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const [index, feature] of features.entries()) {
      const other = features[(index + 1) % features.length];
      const errors = await boundaryErrors(`src/features/${feature.name}/fixture.ts`, fileIn(`src/features/${other.name}`));
      expect(errors, feature.name).toEqual([expect.stringContaining(FEATURE)]);
    }
  });

  it('lets the toolkit import packages and Node built-ins', async () => {
    const code = "import * as asn1js from 'asn1js';\nimport { webcrypto } from 'node:crypto';\nexport const used = [asn1js, webcrypto];\n";
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'certificates/fixture.ts') });
    expect(result.messages).toEqual([]);
  });

  it('catches a wrong dynamic import (the toolkit is a lazy chunk in the app)', async () => {
    const code = `export const load = () => import('${specifier('certificates/fixture.ts', fileIn('src/lib'), 'without extension')}');\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'certificates/fixture.ts') });
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringContaining(TOOLKIT)]);
  });
});
