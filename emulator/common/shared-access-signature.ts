import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API Management's SharedAccessSignature: base64(HMAC-SHA512(key as UTF-8, identifier + "\n" + expiry)).
 * Two spellings of the header: the original `uid=…&ex=…&sn=…` with a .NET round-trip expiry, and the
 * later `{identifier}&{yyyyMMddHHmm}&{signature}` (what ARM's users/{id}/token returns).
 */
export interface SharedAccessSignature {
  form: 'named' | 'short';
  identifier: string;
  /** Exactly as sent: the signature covers these characters, not the instant they name. */
  expiryText: string;
  expiry: Date;
  signature: string;
}

/** Why a header is not a SharedAccessSignature the service can read; the legacy API words the 401 with it. */
export class MalformedSignature extends Error {}

const SCHEME = /^SharedAccessSignature\s+/i;
const ROUND_TRIP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z$/;
const SHORT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const isSharedAccessSignature = (authorization: string | undefined): authorization is string =>
  authorization !== undefined && SCHEME.test(authorization);

function instant(parts: string[]): Date | undefined {
  const [y, mo, d, h, mi, s = 0] = parts.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return real ? date : undefined;
}

function parseExpiry(text: string, form: SharedAccessSignature['form']): Date {
  const match = (form === 'named' ? ROUND_TRIP : SHORT).exec(text);
  const date = match ? instant(match.slice(1, form === 'named' ? 7 : 6)) : undefined;
  if (!date) {
    const expected = form === 'named' ? 'a UTC date and time like 2014-08-04T22:03:00.0000000Z' : 'yyyyMMddHHmm in UTC, like 201408042203';
    throw new MalformedSignature(`The token's expiry '${text}' is not ${expected}.`);
  }
  return date;
}

/** Reads `SharedAccessSignature …` in either form; throws MalformedSignature naming what is wrong. */
export function parseSharedAccessSignature(authorization: string): SharedAccessSignature {
  const token = authorization.replace(SCHEME, '').trim();
  const parts = token.split('&');
  let form: SharedAccessSignature['form'];
  let identifier: string | undefined;
  let expiryText: string | undefined;
  let signature: string | undefined;
  if (parts.length === 3 && parts.every((part) => /^(uid|ex|sn)=/.test(part))) {
    form = 'named';
    const fields = new Map(parts.map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
    [identifier, expiryText, signature] = [fields.get('uid'), fields.get('ex'), fields.get('sn')];
  } else if (parts.length === 3) {
    form = 'short';
    [identifier, expiryText, signature] = parts;
  } else {
    throw new MalformedSignature('The SharedAccessSignature must be uid={identifier}&ex={expiry}&sn={signature}, or {identifier}&{yyyyMMddHHmm}&{signature}.');
  }
  if (!identifier || !expiryText || !signature)
    throw new MalformedSignature('The SharedAccessSignature needs an identifier, an expiry and a signature, none of them empty.');
  if (!BASE64.test(signature)) throw new MalformedSignature('The signature of the SharedAccessSignature is not base64.');
  return { form, identifier, expiryText, expiry: parseExpiry(expiryText, form), signature };
}

export function signSharedAccess(key: string, identifier: string, expiryText: string): string {
  return createHmac('sha512', Buffer.from(key, 'utf8')).update(`${identifier}\n${expiryText}`, 'utf8').digest('base64');
}

/** Whether one of the keys signed it; compared in constant time, so the answer's timing tells nothing of a key. */
export function signedWithOneOf(token: SharedAccessSignature, keys: readonly string[]): boolean {
  const sent = Buffer.from(token.signature, 'base64');
  return keys
    .map((key) => Buffer.from(signSharedAccess(key, token.identifier, token.expiryText), 'base64'))
    .some((expected) => expected.length === sent.length && timingSafeEqual(expected, sent));
}

/** .NET's round-trip format, seven fractional digits: `2014-08-04T22:03:00.0000000Z`. */
export const roundTripExpiry = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

/** The short form's `yyyyMMddHHmm`, UTC. */
export const shortExpiry = (date: Date): string => date.toISOString().slice(0, 16).replace(/[-T:]/g, '');

/** A new signing key: 64 random bytes in base64, as long as API Management's. */
export const newAccessKey = (): string => randomBytes(64).toString('base64');

/** The administrator user every API Management service has: ARM's users/1/token signs for it with the same keys. */
export const ADMINISTRATOR_USER_ID = '1';

/** What newer services name themselves in a SharedAccessSignature (older ones had a 24-hex id). */
export const ACCESS_IDENTIFIER = 'integration';
