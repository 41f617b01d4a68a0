import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import { CertificateError } from '../../../certificates/certificate-error.ts';
import { scanPkcs12Work } from '../../../certificates/pkcs12-work-scan.ts';
import { ArmError } from '../../common/arm-error.ts';
import { validationError } from '../apim-errors.ts';
import { PfxRejected, type PfxFacts } from './open-pfx.ts';
import type { PfxOutcome, PfxTask } from './pfx-worker.ts';

/** Wall time one file may take in its thread; past it the thread is stopped and the caller gets a 400. */
export const PFX_TIME_BUDGET_MS = 10_000;

/**
 * An idle thread holds ~20 MiB (its own V8 heap and the toolkit's code) and starting one takes ~0.2 s, once per
 * burst of uploads: so no thread starts before the first file, and a thread goes after a few idle seconds.
 */
export const PFX_THREAD_IDLE_MS = 5_000;

let pool: Piscina<PfxTask, PfxOutcome> | null = null;

/**
 * From source (tsx, or Vitest running the emulator in-process with a loader threads do not inherit) the worker is
 * pfx-worker.ts, loaded through tsx. From the bundle (build-emulator.ts) this code lives in main.js and the worker
 * is pfx-worker.js beside it: plain JavaScript, so a thread costs no TypeScript loader.
 */
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './pfx-worker.ts' : './pfx-worker.js', import.meta.url).href;

/** Half the cores at most, so uploads never take every core from reads. */
function workers(): Piscina<PfxTask, PfxOutcome> {
  pool ??= new Piscina<PfxTask, PfxOutcome>({
    filename: workerFile,
    ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
    minThreads: 0,
    maxThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
    idleTimeout: PFX_THREAD_IDLE_MS,
  });
  return pool;
}

/** Threads running now: for tests. */
export function pfxPoolThreadCount(): number {
  return pool?.threads.length ?? 0;
}

/**
 * openPfx with a bounded cost: the file's visible work (bags, iterations) is checked on this thread before
 * any derivation (scanPkcs12Work, cheap), then the file is opened in the pool under a time budget.
 */
export async function openPfxOffThread(bytes: Uint8Array, password: string, source: string): Promise<PfxFacts> {
  try {
    scanPkcs12Work(bytes);
  } catch (error) {
    // A file the scan cannot read goes on to openPfx, whose messages say what is wrong with it.
    if (error instanceof CertificateError && error.code === 'unsupported')
      throw new PfxRejected(`${source} could not be read as a .pfx file: ${error.message}.`);
  }
  let outcome: PfxOutcome;
  try {
    outcome = await workers().run({ bytes, password, source }, { signal: AbortSignal.timeout(PFX_TIME_BUDGET_MS) });
  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
      throw new PfxRejected(`${source} took longer than ${PFX_TIME_BUDGET_MS / 1000} s to open, the limit.`);
    throw error;
  }
  if (!outcome.ok) throw new PfxRejected(outcome.rejected, outcome.doctorMessages);
  return { ...outcome.facts, leafDer: Buffer.from(outcome.facts.leafDer) };
}

/** openPfxOffThread for the request body: a rejection becomes the 400 the caller sees, pointing at the field. */
export async function openUploadedPfx(bytes: Uint8Array, password: string): Promise<PfxFacts> {
  try {
    return await openPfxOffThread(bytes, password, 'The certificate data');
  } catch (error) {
    if (!(error instanceof PfxRejected)) throw error;
    const target = /password/.test(error.message) ? 'properties.password' : 'properties.data';
    if (error.doctorMessages.length === 0) throw validationError(target, error.message);
    // The certificate doctor's findings, worded as the app shows them for the same file.
    const details = error.doctorMessages.map((message) => ({ code: 'ValidationError', target, message }));
    throw new ArmError(400, 'ValidationError', error.message, target, details);
  }
}

/** For a clean shutdown: the pool's threads would otherwise keep the process alive. */
export async function closePfxPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
