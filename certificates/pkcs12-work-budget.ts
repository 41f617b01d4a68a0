import { CertificateError } from './certificate-error';

/**
 * What opening one PKCS#12 file may cost. The iteration cap of each key derivation (MAX_PKCS12_KDF_ITERATIONS)
 * bounds one derivation, not a file: sixty key bags at the cap cost minutes. So the file as a whole has a
 * budget, the number of bags and the sum of the iterations of every derivation it would run, checked before
 * each derivation runs (and by scanPkcs12Work for the whole visible file before the first).
 * A file at the per-derivation cap with a MAC, a certificate container and a key (3,000,000) still opens.
 */
export const PKCS12_WORK_LIMITS = {
  maxBags: 64,
  maxIterations: 3_000_000,
} as const;

/** A file over the budget: unsupported, with the limit named. */
export class Pkcs12BudgetExceeded extends CertificateError {
  constructor(message: string) {
    super('unsupported', message);
  }
}

export interface Pkcs12Work {
  bags: number;
  iterations: number;
}

/** Adds work to a running total and throws, naming the limit, once the total is past the budget. */
export function chargePkcs12Work(total: Pkcs12Work, add: Partial<Pkcs12Work>): void {
  total.bags += add.bags ?? 0;
  total.iterations += add.iterations ?? 0;
  if (total.bags > PKCS12_WORK_LIMITS.maxBags) {
    throw new Pkcs12BudgetExceeded(`This PKCS#12 file holds more than ${PKCS12_WORK_LIMITS.maxBags} bags, the limit`);
  }
  if (total.iterations > PKCS12_WORK_LIMITS.maxIterations) {
    throw new Pkcs12BudgetExceeded(
      `Opening this PKCS#12 file needs more than ${PKCS12_WORK_LIMITS.maxIterations.toLocaleString('en-US')} key-derivation iterations in all, the limit`,
    );
  }
}
