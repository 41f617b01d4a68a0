import { thumbprintNeedle } from '../../../lib/thumbprint';

/** An OData string literal: single quotes, a quote inside written twice. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface CertificateFilterInput {
  /** Free text matched against the id, subject and thumbprint (the thumbprint ignoring separators and case). */
  search?: string;
  /** yyyy-mm-dd: certificates expiring before the start of that day (UTC). */
  expiresBefore?: string;
}

/** The `$filter` API Management answers: `contains` on name, subject and thumbprint, `lt` on expirationDate. */
export function buildCertificateFilter({ search, expiresBefore }: CertificateFilterInput): string | undefined {
  const parts: string[] = [];
  const text = search?.trim();
  if (text) {
    const literal = odataString(text);
    // The thumbprint is matched without separators, so openssl's `58:36:DA…` and Windows' `58 36 da…` find it.
    const thumbprint = odataString(thumbprintNeedle(text) ?? text);
    parts.push(`(contains(name,${literal}) or contains(subject,${literal}) or contains(thumbprint,${thumbprint}))`);
  }
  const day = expiresBefore?.trim();
  if (day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()))
      throw new RangeError(`'${day}' is not a date like 2025-01-31.`);
    parts.push(`expirationDate lt ${day}T00:00:00Z`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}
