import { useCallback, useEffect, useRef, useState } from 'react';
import { openCertificatePreview, type CertificateFilePreviewState, type PreviewOptions, type PreviewProblem } from './open-certificate-preview';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface CertificateFilePreviewOptions extends PreviewOptions {
  /**
   * For a form whose password field sits beside the file: the file is opened again with it after each change of the file
   * or of the password, once typing pauses. Without it, a picked file is opened at once, and a PKCS#12 waits for `open`.
   */
  password?: string;
}

export interface CertificateFilePreviewControl {
  file: PickedFile | null;
  preview: CertificateFilePreviewState;
  /** Reads the chosen file and opens it (or, with `password`, schedules the opening). */
  pick: (chosen: File) => Promise<void>;
  /**
   * Opens the picked file with this password now; resolves to what it came to (also set as `preview`). The preview stays
   * as it is meanwhile, so the prompt and the button the admin just used do not vanish under them.
   */
  open: (password: string) => Promise<CertificateFilePreviewState>;
  /** Shows a problem the caller found (e.g. no file chosen yet). */
  report: (problem: PreviewProblem) => void;
  /** Forgets the file; an opening still under way is ignored. */
  clear: () => void;
}

const TYPING_PAUSE_MS = 250;

/** The picked file and its preview: only the newest opening may set the state, so a slow one never overwrites a newer file. */
export function useCertificateFilePreview(options: CertificateFilePreviewOptions): CertificateFilePreviewControl {
  const { purpose, check, password } = options;
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<CertificateFilePreviewState>({ state: 'idle' });
  const latest = useRef(0);
  const follows = password !== undefined;

  const openBytes = useCallback(
    async (bytes: Uint8Array, withPassword: string | undefined, showOpening: boolean) => {
      const ticket = ++latest.current;
      if (showOpening) setPreview({ state: 'opening' });
      const result = await openCertificatePreview(bytes, withPassword, { purpose, check });
      if (ticket === latest.current) setPreview(result);
      return result;
    },
    [purpose, check],
  );

  useEffect(() => {
    if (!file || password === undefined) return;
    const ticket = ++latest.current;
    setPreview({ state: 'opening' });
    const timer = setTimeout(() => {
      void openCertificatePreview(file.bytes, password, { purpose, check }).then((result) => ticket === latest.current && setPreview(result));
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [file, password, purpose, check]);

  const pick = useCallback(
    async (chosen: File) => {
      if (!follows) {
        latest.current++;
        setPreview({ state: 'opening' });
      }
      const picked = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
      setFile(picked);
      if (!follows) await openBytes(picked.bytes, undefined, true);
    },
    [follows, openBytes],
  );

  const open = useCallback(
    async (withPassword: string): Promise<CertificateFilePreviewState> => (file ? openBytes(file.bytes, withPassword, false) : { state: 'idle' }),
    [file, openBytes],
  );

  const report = useCallback((problem: PreviewProblem) => {
    latest.current++;
    setPreview({ state: 'failed', ...problem, passwordGiven: false });
  }, []);

  const clear = useCallback(() => {
    latest.current++;
    setFile(null);
    setPreview({ state: 'idle' });
  }, []);

  return { file, preview, pick, open, report, clear };
}
