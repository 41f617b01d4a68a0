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

/** API Management presents the certificate to backends: a file it can use holds the private key of its certificate. */
export function apimPfxProblem(file: OpenedCertificateFile): PreviewProblem | null {
  if (file.contentFormat !== 'pkcs12' || !file.hasPrivateKey) {
    return {
      title: 'No private key in this file',
      message:
        'API Management presents this certificate to backends, so it needs the private key: export the certificate with its private key as .pfx and choose that.',
    };
  }
  if (file.privateKeyMatchesLeaf === false)
    return { title: 'The key does not match', message: 'The private key in this .pfx file does not belong to its certificate.' };
  return null;
}
