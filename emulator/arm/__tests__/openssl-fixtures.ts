import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslFacts {
  subject: string;
  thumbprint: string;
  expirationDate: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Files made by the openssl command line, and what openssl itself says about them. */
export class OpensslWorkshop {
  readonly dir = mkdtempSync(join(tmpdir(), 'certportal-openssl-'));

  run(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  read(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  key(name: string, algorithm: 'rsa' | 'ec'): string {
    if (algorithm === 'rsa') this.run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${name}.key`);
    else this.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`);
    return `${name}.key`;
  }

  /** A self-signed certificate; `subject` in openssl's /A=b/C=d form. */
  certificate(name: string, key: string, subject: string, days: number): string {
    this.run('req', '-x509', '-new', '-key', key, '-subj', subject, '-days', String(days), '-sha256', '-out', `${name}.crt`);
    return `${name}.crt`;
  }

  pfx(name: string, key: string | null, certificate: string, password: string, extra: string[] = []): Buffer {
    this.run(
      'pkcs12',
      '-export',
      ...(key ? ['-inkey', key] : ['-nokeys']),
      '-in',
      certificate,
      '-passout',
      `pass:${password}`,
      ...extra,
      '-out',
      `${name}.pfx`,
    );
    return this.read(`${name}.pfx`);
  }

  /** `openssl x509 -noout -fingerprint -sha1 -enddate -subject -nameopt RFC2253`, turned into API Management's shapes. */
  facts(certificate: string): OpensslFacts {
    const out = this.run('x509', '-in', certificate, '-noout', '-fingerprint', '-sha1', '-enddate', '-subject', '-nameopt', 'RFC2253');
    const fingerprint = /sha1 Fingerprint=([0-9A-F:]+)/i.exec(out)![1];
    const end = /notAfter=(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4}) GMT/.exec(out)!;
    const subject = /subject=(.*)/.exec(out)![1].trim();
    const [, mon, day, hh, mm, ss, year] = end;
    const month = String(months.indexOf(mon) + 1).padStart(2, '0');
    return {
      thumbprint: fingerprint.replace(/:/g, '').toUpperCase(),
      expirationDate: `${year}-${month}-${day.padStart(2, '0')}T${hh}:${mm}:${ss}Z`,
      // RFC 2253 already lists the last RDN first, as .NET does; .NET separates with ", ".
      subject: subject.split(/(?<!\\),/).join(', '),
    };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
