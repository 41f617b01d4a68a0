import { XMLParser } from 'fast-xml-parser';
import type { XmlNode, XmlParser } from '../asm-client';

// Node has no DOMParser: this gives the ASM client the same namespace-aware reads over fast-xml-parser, so
// the client's own code runs against the emulator in Node. Elements, text and xmlns declarations only.

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

interface ElementNode extends XmlNode {
  namespace: string;
  localName: string;
  children: Array<ElementNode | string>;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false, htmlEntities: true });

function toNodes(items: Ordered[], scope: Record<string, string>): Array<ElementNode | string> {
  return items.flatMap((item): Array<ElementNode | string> => {
    const name = Object.keys(item).find((key) => key !== ':@')!;
    if (name === '#text') return [String(item[name])];
    if (name.startsWith('?')) return [];
    const inner = { ...scope };
    for (const [attribute, value] of Object.entries(item[':@'] ?? {})) {
      if (attribute === '@_xmlns') inner[''] = value;
      else if (attribute.startsWith('@_xmlns:')) inner[attribute.slice('@_xmlns:'.length)] = value;
    }
    const [prefix, localName] = name.includes(':') ? name.split(':', 2) : ['', name];
    return [element(inner[prefix] ?? '', localName, toNodes(item[name] as Ordered[], inner))];
  });
}

function descendants(node: ElementNode): ElementNode[] {
  return node.children.flatMap((child) => (typeof child === 'string' ? [] : [child, ...descendants(child)]));
}

function element(namespace: string, localName: string, children: Array<ElementNode | string>): ElementNode {
  const node: ElementNode = {
    namespace,
    localName,
    children,
    get textContent() {
      return children.map((child) => (typeof child === 'string' ? child : child.textContent)).join('');
    },
    getElementsByTagNameNS: (ns, name) => descendants(node).filter((e) => e.namespace === ns && e.localName === name),
  };
  return node;
}

/** Parses like DOMParser for what the app reads: the document is the root of every element. */
export const parseXmlInNode: XmlParser = (text) => element('', '#document', toNodes(parser.parse(text) as Ordered[], {}));
