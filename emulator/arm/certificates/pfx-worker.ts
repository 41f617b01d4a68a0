import { openPfx, PfxRejected, type PfxFacts } from './open-pfx.ts';

export interface PfxTask {
  bytes: Uint8Array;
  password: string;
  source: string;
}

/** Errors lose their class between threads: a rejection comes back as data. */
export type PfxOutcome = { ok: true; facts: PfxFacts } | { ok: false; rejected: string; doctorMessages: string[] };

/** Runs in a pool thread (pfx-pool.ts): the key derivations of one PKCS#12 file, off the server's event loop. */
export default async function openPfxTask(task: PfxTask): Promise<PfxOutcome> {
  try {
    return { ok: true, facts: await openPfx(task.bytes, task.password, task.source) };
  } catch (error) {
    if (error instanceof PfxRejected) return { ok: false, rejected: error.message, doctorMessages: error.doctorMessages };
    throw error;
  }
}
