import { randomBytes } from 'node:crypto';

/** Opaque, quoted, and new on every write, like API Management's row versions (`"AAAAAAAAAAa="`). */
export function newEtag(): string {
  return `"${randomBytes(8).toString('base64')}"`;
}

const unquote = (tag: string) =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');

/** If-Match: `*`, or a comma-separated list of entity tags, quoted or (as some clients send them) not. */
export function ifMatchAllows(header: string, currentEtag: string): boolean {
  if (header.trim() === '*') return true;
  const current = unquote(currentEtag);
  return header.split(',').some((tag) => unquote(tag) === current);
}
