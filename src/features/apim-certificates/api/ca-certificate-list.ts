import type { CaCertificate } from './get-ca-certificates';
import { MAX_CA_CERTIFICATES } from './get-ca-certificates';
import type { CaCertificateEntry } from './update-ca-certificates';

/** Base64 of DER bytes, as `encodedCertificate` carries them. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The entries a PATCH must send to keep `current` (less `removing`): the service replaces the whole list, so a
 * certificate it did not return the contents of cannot be kept, and the write is refused here rather than lose it.
 */
export function keptEntries(current: CaCertificate[], removing?: CaCertificate): CaCertificateEntry[] {
  return current
    .filter((c) => c !== removing)
    .map((c) => {
      if (!c.encodedCertificate)
        throw new Error(`The service did not return the contents of ${c.subject || c.thumbprint}, so a change would remove it. Nothing was sent.`);
      return { encodedCertificate: c.encodedCertificate, storeName: c.storeName };
    });
}

/** Why Add is off, or null: the service's limit of 10, known before anything is sent. */
export function addBlockedReason(count: number): string | null {
  return count >= MAX_CA_CERTIFICATES
    ? `This service has ${count} of ${MAX_CA_CERTIFICATES} CA certificates, the most it can have. Delete one to add another.`
    : null;
}

export interface CaFileFacts {
  thumbprint: string;
  isCa: boolean;
  notAfter: Date;
}

/** What the add pane says about a picked file before it is sent. */
export function caFileNotes(file: CaFileFacts, current: CaCertificate[], now = new Date()) {
  return {
    duplicate: current.find((c) => c.thumbprint.toUpperCase() === file.thumbprint.toUpperCase()) ?? null,
    notCa: !file.isCa,
    expired: file.notAfter.getTime() <= now.getTime(),
  };
}
