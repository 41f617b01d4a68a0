import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { roundTripExpiry, sharedAccessSignature } from '../sas-token';

describe("the browser's SharedAccessSignature (WebCrypto)", () => {
  it('is the token node:crypto computes for the same key, identifier and expiry', async () => {
    const key = 'k3y+with/ünïcode==';
    const expiry = new Date(Date.UTC(2014, 7, 4, 22, 3, 0, 456));
    const ex = '2014-08-04T22:03:00.0000000Z';
    expect(roundTripExpiry(expiry)).toBe(ex);
    const sn = createHmac('sha512', Buffer.from(key, 'utf8')).update(`integration\n${ex}`).digest('base64');
    expect(await sharedAccessSignature(key, 'integration', expiry)).toBe(`SharedAccessSignature uid=integration&ex=${ex}&sn=${sn}`);
  });
});
