import type { CertificateSummary } from '../certificate-summary';
import type { DoctorFinding } from './finding';

export type ChainRole = 'leaf' | 'intermediate' | 'root' | 'not in the chain';

export interface ChainLink {
  certificate: CertificateSummary;
  role: ChainRole;
  /** Where the certificate stands in the file, from 0. */
  filePosition: number;
}

export interface ChainReport {
  /** Leaf first, then each issuer found in the file, then the certificates that are not on that path. */
  links: ChainLink[];
  findings: DoctorFinding[];
}

function sameName(a: CertificateSummary['issuerParts'], b: CertificateSummary['subjectParts']): boolean {
  return a.length === b.length && a.every((p, i) => p.oid === b[i].oid && p.value === b[i].value);
}

/** `issuer` signed `child`: names agree, and so do the key identifiers when both are there (a renewed CA keeps its name). */
function issued(issuer: CertificateSummary, child: CertificateSummary): boolean {
  if (!sameName(child.issuerParts, issuer.subjectParts)) return false;
  return !child.authorityKeyIdentifier || !issuer.subjectKeyIdentifier || child.authorityKeyIdentifier === issuer.subjectKeyIdentifier;
}

/** Builds leaf → intermediates → root from the certificates the file holds, and says what is missing or out of order. */
export function buildChain(leaf: CertificateSummary, inFileOrder: CertificateSummary[]): ChainReport {
  const position = (c: CertificateSummary) => inFileOrder.indexOf(c);
  const path = [leaf];
  let top = leaf;
  while (!top.selfSigned) {
    const current = top;
    const next = inFileOrder.find((c) => !path.includes(c) && issued(c, current));
    if (!next) break;
    path.push(next);
    top = next;
  }
  const links: ChainLink[] = path.map((certificate, i) => ({
    certificate,
    role: i === 0 ? 'leaf' : certificate.selfSigned ? 'root' : 'intermediate',
    filePosition: position(certificate),
  }));
  for (const other of inFileOrder) if (!path.includes(other)) links.push({ certificate: other, role: 'not in the chain', filePosition: position(other) });
  return { links, findings: chainFindings(path, top, links) };
}

function chainFindings(path: CertificateSummary[], top: CertificateSummary, links: ChainLink[]): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  if (!top.selfSigned) {
    if (top === path[0] || top.basicConstraints?.ca !== true) {
      findings.push({
        code: 'missing-intermediate',
        severity: 'error',
        message: `The issuer of "${top.subject}" is missing: the file does not hold "${top.issuer}"`,
        fix: `Add the intermediate certificate "${top.issuer}" to the file (export the PFX with "include all certificates in the path")`,
      });
    } else {
      findings.push({
        code: 'root-not-included',
        severity: 'info',
        message: `The chain ends at "${top.subject}", issued by "${top.issuer}", which the file does not include`,
        fix: `Nothing, when "${top.issuer}" is a root the receiving side trusts; if it is an intermediate, add it`,
      });
    }
  } else if (path.length > 1) {
    findings.push({
      code: 'root-included',
      severity: 'info',
      message: `The file includes the self-signed root "${top.subject}"`,
      fix: 'Nothing for an upload; a TLS server need not send its root, so a server chain may leave it out',
    });
  }
  const positions = links.filter((l) => l.role !== 'not in the chain').map((l) => l.filePosition);
  if (positions.some((p, i) => p !== i)) {
    findings.push({
      code: 'wrong-order',
      severity: 'warning',
      message: `The certificates are not in chain order (leaf, then each issuer): the file holds them as ${positions.map((p) => p + 1).join(', ')}`,
      fix: 'Save the public chain as PEM from this page: it writes them leaf first',
    });
  }
  return findings;
}
