import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AZURE_XMLNS, asmErrors } from '../common/asm-error.ts';
import { toBase64 } from '../../certificates/encoding.ts';
import type { ManagementCertificate } from '../store/management-certificate-store.ts';
import { xmlNestingDepth } from './xml-depth.ts';

/** Far above the body's own 2 levels, far below what the parser's recursion can take. */
const MAX_XML_DEPTH = 32;

export interface AddCertificateBody {
  publicKey: string;
  thumbprint: string;
  data: string;
}

/** The order the real service's serializer reads them in: an element out of place counted as missing there. */
const ADD_ELEMENTS = [
  ['SubscriptionCertificatePublicKey', 'publicKey'],
  ['SubscriptionCertificateThumbprint', 'thumbprint'],
  ['SubscriptionCertificateData', 'data'],
] as const;

type OrderedNode = Record<string, OrderedNode[] | Record<string, string> | string>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The values are base64 and hex: they never need entities, and a DTD is refused before parsing.
  processEntities: false,
});

interface Element {
  prefix: string;
  localName: string;
  namespace: string | undefined;
  /** Prefix → namespace in force inside this element. */
  scope: Map<string, string>;
  children: OrderedNode[];
}

function elementOf(node: OrderedNode, inherited: Map<string, string>): Element | { text: string } {
  if (typeof node['#text'] === 'string') return { text: node['#text'] };
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name) return { text: '' };
  const attributes = (node[':@'] ?? {}) as Record<string, string>;
  const [prefix, localName] = name.includes(':') ? (name.split(':', 2) as [string, string]) : ['', name];
  const scope = new Map(inherited);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (attribute === 'xmlns') scope.set('', value);
    else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
  }
  return { prefix, localName, namespace: scope.get(prefix), scope, children: node[name] as OrderedNode[] };
}

function describeNamespace(element: Element): string {
  if (element.namespace !== undefined) return `namespace '${element.namespace}'`;
  return element.prefix === '' ? 'no namespace' : `no namespace (its prefix '${element.prefix}' is not declared)`;
}

/** Parses an Add Management Certificate body strictly: one root, the right namespace, the three elements in order. */
export function parseAddCertificateBody(body: Buffer): AddCertificateBody {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw asmErrors.invalidXml('The request body is empty: it must be a SubscriptionCertificate XML document.');
  if (/<!DOCTYPE/i.test(text)) throw asmErrors.invalidXml('The request body must not contain a document type declaration (DTD).');
  if (xmlNestingDepth(text, MAX_XML_DEPTH) > MAX_XML_DEPTH)
    throw asmErrors.invalidXml(`The request body nests elements more than ${MAX_XML_DEPTH} levels deep; a SubscriptionCertificate needs 2.`);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw asmErrors.invalidXml(`The request body is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = nodes.map((node) => elementOf(node, new Map())).filter((node): node is Element => 'localName' in node);
  if (nodes.some((node) => typeof node['#text'] === 'string' && node['#text'] !== ''))
    throw asmErrors.invalidXml('The request body has text outside its root element.');
  if (roots.length !== 1) throw asmErrors.invalidXml(`The request body must have exactly one root element; it has ${roots.length}.`);
  const [root] = roots;
  if (root.localName !== 'SubscriptionCertificate') {
    throw asmErrors.invalidXml(`The root element must be 'SubscriptionCertificate' in namespace '${AZURE_XMLNS}'; it is '${root.localName}'.`);
  }
  if (root.namespace !== AZURE_XMLNS) {
    throw asmErrors.invalidXml(`The element 'SubscriptionCertificate' must be in namespace '${AZURE_XMLNS}'; it is in ${describeNamespace(root)}.`);
  }

  const values: Partial<Record<keyof AddCertificateBody, string>> = {};
  let next = 0;
  for (const node of root.children) {
    const child = elementOf(node, root.scope);
    if (!('localName' in child)) {
      if (child.text !== '') throw asmErrors.invalidXml('The element SubscriptionCertificate must hold only elements, not text.');
      continue;
    }
    const position = ADD_ELEMENTS.findIndex(([name]) => name === child.localName);
    if (position < 0) {
      throw asmErrors.invalidXml(
        `Unexpected element '${child.localName}' in SubscriptionCertificate: expected ${ADD_ELEMENTS.map(([name]) => name).join(', ')}.`,
      );
    }
    if (child.namespace !== AZURE_XMLNS) {
      throw asmErrors.invalidXml(`The element '${child.localName}' must be in namespace '${AZURE_XMLNS}'; it is in ${describeNamespace(child)}.`);
    }
    if (position < next) {
      const what = values[ADD_ELEMENTS[position][1]] !== undefined ? 'appears twice' : 'is out of order';
      throw asmErrors.invalidXml(
        `The element '${child.localName}' ${what}: the elements must be ${ADD_ELEMENTS.map(([name]) => name).join(', ')}, in that order.`,
      );
    }
    next = position + 1;
    const inner = child.children.map((grandchild) => elementOf(grandchild, child.scope));
    if (inner.some((item) => 'localName' in item)) throw asmErrors.invalidXml(`The element '${child.localName}' must hold text, not elements.`);
    values[ADD_ELEMENTS[position][1]] = inner.map((item) => ('text' in item ? item.text : '')).join('');
  }
  const missing = ADD_ELEMENTS.filter(([, key]) => !values[key]).map(([name]) => name);
  if (missing.length > 0)
    throw asmErrors.badRequest(`The request body is missing ${missing.join(', ')} (or ${missing.length > 1 ? 'they are' : 'it is'} empty).`);
  return values as AddCertificateBody;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

function certificateElement(certificate: ManagementCertificate) {
  return {
    SubscriptionCertificatePublicKey: toBase64(certificate.publicKey),
    SubscriptionCertificateThumbprint: certificate.thumbprint,
    SubscriptionCertificateData: toBase64(certificate.data),
    Created: certificate.created,
  };
}

const declaration = '<?xml version="1.0" encoding="utf-8"?>';

export function subscriptionCertificatesXml(certificates: ManagementCertificate[]): string {
  return declaration + builder.build({ SubscriptionCertificates: { '@_xmlns': AZURE_XMLNS, SubscriptionCertificate: certificates.map(certificateElement) } });
}

export function subscriptionCertificateXml(certificate: ManagementCertificate): string {
  return declaration + builder.build({ SubscriptionCertificate: { '@_xmlns': AZURE_XMLNS, ...certificateElement(certificate) } });
}
