import { keyMatchFinding } from '../../../../certificates/doctor/key-match';
import type { OpenedCertificateFile } from '../../../../certificates/open-certificate-file';
import type { PreviewProblem } from '../../../components/open-certificate-preview';

/** What the add/replace pane asks for: a .pfx and its password, or a Key Vault secret and the identity that reads it. */
export interface EditorForm {
  id: string;
  source: 'custom' | 'keyVault';
  password: string;
  secretIdentifier: string;
  identity: 'system' | 'user';
  clientId: string;
}

export const EMPTY_EDITOR_FORM: EditorForm = { id: '', source: 'custom', password: '', secretIdentifier: '', identity: 'system', clientId: '' };

/**
 * API Management presents the certificate to backends: a file it can use holds the private key of its certificate.
 * The key's defects are worded by the certificate doctor (the same sentence as the report's key line and the service's 400).
 */
export function apimPfxProblem(file: OpenedCertificateFile): PreviewProblem | null {
  const key = keyMatchFinding(file, 'apim');
  if (key?.severity === 'error') {
    return { title: key.code === 'no-private-key' ? 'No private key in this file' : 'The key does not match', message: `${key.message}. ${key.fix}.` };
  }
  if (file.contentFormat !== 'pkcs12') {
    return {
      title: 'Not a .pfx file',
      message: 'API Management takes the certificate and its private key as a .pfx file: export them together as .pfx and choose that.',
    };
  }
  return null;
}
