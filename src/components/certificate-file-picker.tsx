import type { ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { CertificateWarning } from '../../certificates/certificate-warnings';
import type { OpenedCertificateFile } from '../../certificates/open-certificate-file';
import { CertificateDetails } from './certificate-details';
import { CertificateDoctorReport } from './certificate-doctor-report';
import { FailureBar } from './failure-bar';
import { FileDrop } from './file-drop';
import type { CertificateFilePreviewControl } from './use-certificate-file-preview';
import type { CertificateFilePreviewState, PreviewProblem } from './open-certificate-preview';

const PASSWORD_NEEDED: PreviewProblem = { title: 'Password needed', message: 'This .pfx file is protected by a password: enter it above.' };
const WRONG_PASSWORD: PreviewProblem = { title: 'Wrong password', message: 'The password is wrong for this .pfx file. Nothing was sent.' };

interface PreviewProps {
  /** Shown while the file waits for its password, and for a failure while unlocking it. */
  passwordPrompt?: ReactNode;
  /** Shown above the certificate once the file is open. */
  note?: (file: OpenedCertificateFile) => ReactNode;
  keepWarning?: (warning: CertificateWarning, file: OpenedCertificateFile) => boolean;
}

// A file problem is a failure nothing can retry: the admin picks another file or types another password.
const NOTHING_TO_RETRY = () => {};

function ProblemBar({ problem }: { problem: PreviewProblem }) {
  return <FailureBar failure={{ title: problem.title, message: problem.message, retry: false }} onRetry={NOTHING_TO_RETRY} />;
}

/**
 * What a picked certificate file came to: a spinner while it opens, the problem, or the certificate itself (as text,
 * never markup). A form that asks for the password in a prompt of its own passes it; otherwise the password
 * states read as problems that point at the password field.
 */
function CertificateFilePreview({
  preview,
  openingLabel,
  passwordPrompt,
  note,
  keepWarning = () => true,
}: PreviewProps & { preview: CertificateFilePreviewState; openingLabel: string }) {
  switch (preview.state) {
    case 'idle':
      return null;
    case 'opening':
      return <Spinner size="small" label={openingLabel} />;
    case 'password-required':
      return passwordPrompt ?? <ProblemBar problem={PASSWORD_NEEDED} />;
    case 'wrong-password':
      return passwordPrompt ?? <ProblemBar problem={WRONG_PASSWORD} />;
    case 'failed':
      return preview.passwordGiven && passwordPrompt ? passwordPrompt : <ProblemBar problem={preview} />;
    case 'opened':
      return (
        <>
          {note?.(preview.file)}
          <CertificateDetails summary={preview.file.leaf} warnings={preview.warnings.filter((w) => keepWarning(w, preview.file))} label="Certificate preview" />
          <CertificateDoctorReport report={preview.report} headingLevel={3} />
        </>
      );
  }
}

/** A certificate file input (chosen or dropped) and its preview; `children` stand between them (e.g. the password). */
export function CertificateFilePicker({
  control,
  texts: { opening, ...drop },
  onPick,
  children,
  ...preview
}: PreviewProps & {
  control: CertificateFilePreviewControl;
  /** The file input's label, accepted extensions and hint, and the spinner's label while the file opens. */
  texts: { label: string; accept: string; hint: string; opening: string };
  /** Called as a file is chosen, before it is read (e.g. to clear the failure of an earlier save). */
  onPick?: () => void;
  children?: ReactNode;
}) {
  return (
    <>
      <FileDrop
        {...drop}
        fileName={control.file?.name}
        onFile={(chosen) => {
          onPick?.();
          void control.pick(chosen);
        }}
      />
      {children}
      <CertificateFilePreview preview={control.preview} openingLabel={opening} {...preview} />
    </>
  );
}
