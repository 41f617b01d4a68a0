/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_APIM } from '../emulator/reliability/child-emulator.ts';
import { BENCH_SERVICES } from './seed.ts';

export interface SizeBench {
  firstLoadFiles: Array<{ file: string; gzipBytes: number }>;
  firstLoadGzipBytes: number;
  /** First-load files whose names say certificate toolkit, ASN.1/PKI or legacy cipher code. */
  toolkitInFirstLoad: string[];
  lazyChunks: Array<{ file: string; gzipBytes: number }>;
}

export interface TimingBench {
  runsMs: number[];
  medianMs: number;
  note?: string;
}

export interface GridBench {
  loadedRows: number;
  sort: TimingBench | { notMeasurable: string };
  filter: TimingBench | { notMeasurable: string };
}

/**
 * Name patterns of chunks that must stay out of the first load: the toolkit (src/certificates: open-certificate-file,
 * certificate-summary, der, detect-format, password-based-encryption, self-signed, dotnet-public-key, oids),
 * pkijs/asn1js/@peculiar, node-forge, and the legacy ciphers (rc2, des / 3DES).
 */
export const TOOLKIT_CHUNK = /certificate|pkijs|pkcs|asn1|peculiar|x509|forge|(^|[-_/])der-|detect-format|password-based|self-signed|dotnet-public-key|oids-|rc2|(^|[-_/])des-|3des|triple-des/i;

const DEMO = { alice: { username: 'alice@certportal.example', password: 'alice-demo-password', name: 'Alice Admin' } };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, ignoreHTTPSErrors: true, viewport: { width: 1600, height: 1000 } });
}

/** The real MSAL redirect flow through the emulator's sign-in page, as e2e/support/sign-in.ts does it. */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Username').fill(DEMO.alice.username);
  await page.getByLabel('Password').fill(DEMO.alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(`Account: ${DEMO.alice.name}`) }).waitFor();
}

const gzipOf = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Every JS file the browser fetched from /assets/ from the first request until the Home blade shows after sign-in. */
export async function benchSize(browser: Browser, baseURL: string, distDir: string): Promise<SizeBench> {
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  const fetched = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) fetched.add(url.pathname.slice('/assets/'.length));
  });
  await signIn(page);
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();

  const assets = join(distDir, 'assets');
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const firstLoadFiles = [...fetched].sort().map((file) => ({ file, gzipBytes: gzipOf(join(assets, file)) }));
  const lazyChunks = all.filter((f) => !fetched.has(f)).map((file) => ({ file, gzipBytes: gzipOf(join(assets, file)) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    firstLoadFiles,
    firstLoadGzipBytes: firstLoadFiles.reduce((sum, f) => sum + f.gzipBytes, 0),
    toolkitInFirstLoad: firstLoadFiles.map((f) => f.file).filter((f) => TOOLKIT_CHUNK.test(f)),
    lazyChunks,
  };
}

const bladePath = (service: string) => `/apim/${DEMO_APIM.subscriptionId}/${DEMO_APIM.resourceGroup}/${service}/certificates`;

/** Whether the built app has the APIM certificates blade (the placeholder says "Unfinished"). */
export function apimBladeBuilt(distDir: string): boolean {
  const chunk = readdirSync(join(distDir, 'assets')).find((f) => f.startsWith('apim-certificates-blade-'));
  return chunk !== undefined && !/Unfinished|issue:\s*8/.test(readFileSync(join(distDir, 'assets', chunk), 'utf8'));
}

const countText = (n: number) => new RegExp(`^${n} certificates$`);

/** Signed in, a full navigation to the deep link of a service's certificates until its grid shows all 100 rows loaded. */
export async function benchTimeToBlade(page: Page, runs = 10): Promise<TimingBench> {
  const target = BENCH_SERVICES.blade;
  const runsMs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    await page.goto('about:blank');
    const started = performance.now();
    await page.goto(bladePath(target.name));
    await page.getByText(countText(target.count)).waitFor();
    await page.locator('[role="grid"][aria-label="Certificates"] [role="row"][data-index="0"]').waitFor();
    const elapsed = performance.now() - started;
    if (i > 0) runsMs.push(Math.round(elapsed)); // the first run warms the HTTP cache, as a returning user has it
  }
  return { runsMs, medianMs: median(runsMs), note: 'full page load of the deep link, assets cached, MSAL token cached' };
}

/** 1,000 certificates loaded in the APIM grid; typing a search until the grid shows the match. */
export async function benchGrid(page: Page): Promise<GridBench> {
  const target = BENCH_SERVICES.grid;
  await page.goto(bladePath(target.name));
  const grid = page.locator('[role="grid"][aria-label="Certificates"]');
  await grid.locator('[role="row"][data-index="0"]').waitFor();
  // Scroll to the end until every page is loaded (100 per page).
  for (let i = 0; i < 40; i++) {
    if (await page.getByText(countText(target.count)).isVisible()) break;
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(150);
  }
  await page.getByText(countText(target.count)).waitFor();
  const loadedRows = target.count;

  const search = page.getByRole('searchbox', { name: 'Search certificates by id, subject or thumbprint' });
  const runsMs: number[] = [];
  for (const term of ['cert-00042', 'cert-00137', 'cert-00256', 'cert-00512', 'cert-00777', 'cert-00901']) {
    await search.fill('');
    await page.getByText(countText(target.count)).waitFor();
    const started = performance.now();
    await search.fill(term);
    await grid.locator('[role="row"][data-index="0"]', { hasText: term }).waitFor();
    await page.getByText(/^Found 1 certificate$/).waitFor();
    runsMs.push(Math.round(performance.now() - started));
  }
  return {
    loadedRows,
    sort: { notMeasurable: 'the APIM certificates grid has no client-side sort (its column headers do not sort)' },
    filter: {
      runsMs,
      medianMs: median(runsMs),
      note: 'keystroke to the grid showing the match: includes the blade\'s 300 ms search debounce and a server $filter round trip (the grid filters on the server)',
    },
  };
}
