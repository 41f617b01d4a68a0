import fc from 'fast-check';
import type { RouteEntry } from '../../common/route-table.ts';

/**
 * fast-check arbitraries for hostile requests: path parameters that are sometimes right and sometimes not,
 * query strings, headers, and bodies (JSON, XML, PFX and DER, each either made up or a valid one mutated).
 * Everything a request may carry over node:https: header values printable, paths percent-encoded.
 */

/** Strings a path segment, a query value or a form field may hold: control characters, traversal, unicode, long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '.', '..', '../..', '%00', '\u0000', '\r\n', '\u001b[31m', '*', '#', '&', '+', ':', '<', '>', '?', ' ', '\u202e', '😀', "'", '"', '\\'),
  fc.constantFrom('a'.repeat(81), 'b'.repeat(300), 'c'.repeat(5000)),
  fc.stringMatching(/^[-\w.()]{1,100}$/),
);

/** A header value node:https will send (it refuses CR, LF and other control characters before sending). */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom('', '*', '"x"', 'W/"x"', 'Bearer', 'Bearer ', 'Basic YTpi', 'SharedAccessSignature ', 'a'.repeat(8000)),
);

/** A value for each path parameter: one the emulator knows (so the request gets past the lookups), or a hostile one. */
export function parameterValue(known: readonly string[]): fc.Arbitrary<string> {
  return known.length === 0 ? hostileText : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: hostileText });
}

/** A route's path with its `{name}` parameters filled, each segment percent-encoded, sometimes one segment more or less. */
export function routePath(entry: RouteEntry, known: Record<string, readonly string[]>): fc.Arbitrary<string> {
  const names = [...entry.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const values = fc.tuple(...names.map((name) => parameterValue(known[name] ?? [])));
  const shape = fc.constantFrom('as is', 'as is', 'as is', 'extra segment', 'no last segment', 'trailing slash', 'doubled slash');
  return fc.tuple(values, shape, hostileText).map(([filled, how, extra]) => {
    let index = 0;
    const path = entry.path.replace(/\{\w+\}/g, () => encodeURIComponent(filled[index++]));
    if (how === 'extra segment') return `${path}/${encodeURIComponent(extra)}`;
    if (how === 'no last segment') return path.replace(/\/[^/]*$/, '');
    if (how === 'trailing slash') return `${path}/`;
    if (how === 'doubled slash') return path.replace('/', '//');
    return path;
  });
}

/** A query string: the right version, a wrong one or none; sometimes $filter/$top/$skip or made-up parameters. */
export function queryString(versions: readonly string[]): fc.Arbitrary<string> {
  const version = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...versions).map((v) => `api-version=${v}`) },
    { weight: 1, arbitrary: hostileText.map((v) => `api-version=${encodeURIComponent(v)}`) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  const extra = fc.oneof(
    filterText.map((f) => `$filter=${encodeURIComponent(f)}`),
    fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), hostileText).map((n) => `$top=${encodeURIComponent(n)}`),
    fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), hostileText).map((n) => `$skip=${encodeURIComponent(n)}`),
    fc.tuple(hostileText, hostileText).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    fc.constantFrom('api-version=2024-05-01&api-version=2024-05-01', '%', '%zz', '&&&', '=', 'a=%FF%FE'),
  );
  return fc.tuple(version, fc.array(extra, { maxLength: 3 })).map(([v, rest]) => [v, ...rest].filter(Boolean).join('&'));
}

/** OData-ish filters: well-formed, nearly well-formed, and noise. */
const filterText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('name', 'properties/subject', 'properties/thumbprint', 'properties/expirationDate', 'subject', 'nope', "'x'"),
      fc.constantFrom('eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith', 'endswith', 'and', 'or', 'not'),
      fc.oneof(
        fc.string({ maxLength: 12 }).map((s) => `'${s}'`),
        fc.constantFrom('null', 'true', '2030-01-01T00:00:00Z', "''''", '(', ')'),
      ),
    )
    .map(([field, op, value]) => (['contains', 'startswith', 'endswith'].includes(op) ? `${op}(${field}, ${value})` : `${field} ${op} ${value}`)),
  fc.integer({ min: 1, max: 40 }).map((n) => `${'not ('.repeat(n)}name eq 'a'${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 120 }).map((n) => Array.from({ length: n }, (_, i) => `name eq '${i}'`).join(' or ')),
  fc.string({ maxLength: 60 }),
);

/** Flips, inserts, deletes or truncates bytes of a valid file: the parsers' favourite diet. */
export function mutatedBytes(valid: Buffer): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), value: fc.constant(0) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  );
  return fc.array(edit, { minLength: 0, maxLength: 6 }).map((edits) => {
    let bytes = Buffer.from(valid);
    for (const { kind, at, value } of edits) {
      const position = bytes.length === 0 ? 0 : at % bytes.length;
      if (kind === 'flip' && bytes.length > 0) bytes[position] = value;
      else if (kind === 'truncate') bytes = bytes.subarray(0, position);
      else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, position), Buffer.from([value]), bytes.subarray(position)]);
    }
    return bytes;
  });
}

/** JSON bodies: any JSON value, or a certificate body whose fields are right, wrong or mutated. */
export function jsonBody(pfx: Buffer, keyVaultSecret: string): fc.Arbitrary<string> {
  const data = fc.oneof(
    mutatedBytes(pfx).map((b) => b.toString('base64')),
    hostileText,
    fc.constant(pfx.toString('base64')),
  );
  const password = fc.oneof(fc.constant('pw'), hostileText);
  const certificate = fc.oneof(
    fc.record({ properties: fc.record({ data, password }, { requiredKeys: [] }) }),
    fc.record({ properties: fc.record({ keyVault: fc.record({ secretIdentifier: fc.oneof(fc.constant(keyVaultSecret), hostileText) }) }) }),
    fc.record({ data, password }, { requiredKeys: [] }),
    fc.record({
      location: fc.oneof(fc.constant('westeurope'), hostileText),
      sku: fc.record({ name: fc.constantFrom('Developer', 'Basic', 'Nope'), capacity: fc.oneof(fc.integer(), fc.constant(1)) }),
      properties: fc.record({ publisherEmail: hostileText, publisherName: hostileText, enabled: fc.boolean() }, { requiredKeys: [] }),
      tags: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
    }),
  );
  return fc.oneof(
    certificate.map((value) => JSON.stringify(value)),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('{', '[', '{"a":', 'null', '"', '{"properties":null}', `{"a":${'['.repeat(5000)}`),
  );
}

/** Service Management XML: the add-certificate document with each value right, wrong or mutated; and malformed XML. */
export function xmlBody(der: Buffer): fc.Arbitrary<string> {
  const element = (name: string, value: string) => `<${name}>${value}</${name}>`;
  const value = fc.oneof(
    mutatedBytes(der).map((b) => b.toString('base64')),
    hostileText.map((t) => t.replace(/[<&]/g, '')),
  );
  const document = fc
    .tuple(value, value, value, fc.boolean())
    .map(
      ([publicKey, thumbprint, data, namespaced]) =>
        `<SubscriptionCertificate${namespaced ? ' xmlns="http://schemas.microsoft.com/windowsazure"' : ''}>${element('SubscriptionCertificatePublicKey', publicKey)}${element('SubscriptionCertificateThumbprint', thumbprint)}${element('SubscriptionCertificateData', data)}</SubscriptionCertificate>`,
    );
  return fc.oneof(
    document,
    fc.constantFrom('<', '<a>', '<?xml version="1.0"?>', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', '<a><b></a></b>', `${'<a>'.repeat(3000)}`),
    fc.integer({ min: 1, max: 5000 }).map((n) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`),
  );
}

export type BodyKind = 'none' | 'json' | 'xml' | 'pfx' | 'der' | 'form' | 'noise';

/** A body and the Content-Type it claims (often not the one it has). */
export function body(
  pfx: Buffer,
  der: Buffer,
  keyVaultSecret: string,
): fc.Arbitrary<{ kind: BodyKind; contentType: string | undefined; bytes: Buffer | undefined }> {
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'application/xml',
    'text/xml',
    'text/plain',
    'application/x-pkcs12',
    'application/octet-stream',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
  );
  const kinds = fc.oneof(
    fc.constant({ kind: 'none' as const, bytes: undefined }),
    jsonBody(pfx, keyVaultSecret).map((text) => ({ kind: 'json' as const, bytes: Buffer.from(text) })),
    xmlBody(der).map((text) => ({ kind: 'xml' as const, bytes: Buffer.from(text) })),
    mutatedBytes(pfx).map((bytes) => ({ kind: 'pfx' as const, bytes })),
    mutatedBytes(der).map((bytes) => ({ kind: 'der' as const, bytes })),
    fc
      .dictionary(hostileText, hostileText, { maxKeys: 5 })
      .map((form) => ({ kind: 'form' as const, bytes: Buffer.from(new URLSearchParams(form).toString()) })),
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: 'noise' as const, bytes: Buffer.from(bytes) })),
  );
  return fc.tuple(kinds, contentType).map(([{ kind, bytes }, type]) => ({ kind, bytes, contentType: type }));
}
