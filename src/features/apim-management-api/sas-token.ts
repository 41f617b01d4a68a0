/**
 * API Management's SharedAccessSignature, made in the browser with WebCrypto:
 * base64(HMAC-SHA512(key as UTF-8, identifier + "\n" + expiry)), expiry in .NET's round-trip form.
 */
export function roundTripExpiry(date: Date): string {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.toISOString().replace(/\.\d{3}Z$/, '.0000000Z');
}

export async function sharedAccessSignature(key: string, identifier: string, expiry: Date): Promise<string> {
  const ex = roundTripExpiry(expiry);
  const encoder = new TextEncoder();
  const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(`${identifier}\n${ex}`)));
  let binary = '';
  for (const byte of signature) binary += String.fromCharCode(byte);
  return `SharedAccessSignature uid=${identifier}&ex=${ex}&sn=${btoa(binary)}`;
}

export const curlExample = (baseUrl: string, token: string) => `curl -H "Authorization: ${token}" "${baseUrl}/certificates?api-version=2014-02-14-preview"`;
