import type { CertificateSummary } from '../certificate-summary';
import type { OpenedCertificateFile } from '../open-certificate-file';
import { buildChain, type ChainLink } from './chain';
import { describeEncryption } from './encryption';
import type { DoctorFinding, DoctorUse } from './finding';
import { keyMatchFinding } from './key-match';
import { lintCertificate } from './lints';

export interface DoctorReport {
  use: DoctorUse;
  chain: ChainLink[];
  /** The key-match line: null when there is no key to compare (and none is needed). */
  keyMatch: DoctorFinding | null;
  encryption: string | null;
  /** Every finding, errors first: chain, key, encryption and the lints of the certificate the file is for. */
  findings: DoctorFinding[];
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The certificate doctor: what an opened file will do for this use, before anything is sent. Pure; no DOM, no Node. */
export function diagnose(file: OpenedCertificateFile, use: DoctorUse, now: Date = new Date()): DoctorReport {
  const chain = buildChain(file.leaf, file.inFileOrder);
  const keyMatch = keyMatchFinding(file, use);
  const encryption = describeEncryption(file.encryption, file.integrity);
  // A CA upload is judged on the CA itself; every other use on the leaf.
  const subject: CertificateSummary = use === 'ca' ? (caOf(file) ?? file.leaf) : file.leaf;
  const findings = [...chain.findings, ...(keyMatch ? [keyMatch] : []), ...encryption.findings, ...lintCertificate(subject, use, now)];
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { use, chain: chain.links, keyMatch, encryption: encryption.description, findings };
}

function caOf(file: OpenedCertificateFile): CertificateSummary | undefined {
  return file.inFileOrder.length === 1 ? file.inFileOrder[0] : file.inFileOrder.find((c) => c.basicConstraints?.ca === true);
}

/** The findings that stop an upload: what the emulator refuses with a 400, worded the same. */
export function blockingFindings(report: DoctorReport): DoctorFinding[] {
  return report.findings.filter((f) => f.code === 'key-mismatch' || f.code === 'no-private-key');
}
