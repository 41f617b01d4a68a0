import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { DoctorReport } from '../../certificates/doctor/diagnose';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  chain: { margin: 0, paddingLeft: '20px', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  line: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const INTENT = { error: 'error', warning: 'warning', info: 'info' } as const;
const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** The certificate doctor's report: the chain with each role, the key and encryption lines, and each finding with its fix. Text only. */
export function CertificateDoctorReport({ report, headingLevel = 3 }: { report: DoctorReport; headingLevel?: 2 | 3 | 4 }) {
  const styles = useStyles();
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-label="Certificate doctor" className={styles.section}>
      <Heading className={styles.heading}>Certificate doctor</Heading>
      <ol className={styles.chain} aria-label="Chain">
        {report.chain.map((link) => (
          <li key={link.certificate.thumbprintSha256}>
            {link.role}: {link.certificate.subject}
          </li>
        ))}
      </ol>
      <p className={styles.line}>Private key: {report.keyMatch ? report.keyMatch.message : 'none in the file'}</p>
      <p className={styles.line}>Encryption: {report.encryption ?? 'none (public certificate only)'}</p>
      <div className={styles.section} role="group" aria-label="Findings">
        {report.findings
          .filter((f) => f.code !== 'key-matches')
          .map((finding, i) => (
            <MessageBar key={`${finding.code}-${i}`} intent={INTENT[finding.severity]}>
              <MessageBarBody>
                <MessageBarTitle>{SEVERITY[finding.severity]}</MessageBarTitle>
                {finding.message}. {finding.fix && `Fix: ${finding.fix}.`}
              </MessageBarBody>
            </MessageBar>
          ))}
      </div>
    </section>
  );
}
