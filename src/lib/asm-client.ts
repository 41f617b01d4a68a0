import { AzureApiError, NetworkError } from './api-error';
import type { TokenSource } from './arm-client';
import { ASM_VERSION } from './azure/api-versions';
import { parseRetryAfter } from './retry';

export const AZURE_XMLNS = 'http://schemas.microsoft.com/windowsazure';

/** The part of the DOM this client and its callers read. A DOMParser document has it; so can a parser in Node (tests). */
export interface XmlNode {
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlNode>;
  readonly textContent: string | null;
}

export type XmlParser = (text: string) => XmlNode;

const domParser: XmlParser = (text) => new DOMParser().parseFromString(text, 'application/xml');

/** Classic Service Management over fetch: bearer token, x-ms-version, XML in and out, XML errors typed. */
export function createAsmClient(endpoint: string, token: TokenSource, parseXml: XmlParser = domParser) {
  async function send(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; xml?: string } = {}): Promise<XmlNode | null> {
    const url = endpoint + path;
    const headers: Record<string, string> = { Authorization: `Bearer ${await token()}`, 'x-ms-version': ASM_VERSION };
    if (init.xml) headers['Content-Type'] = 'application/xml';
    let response: Response;
    try {
      response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.xml });
    } catch (error) {
      throw new NetworkError(url, error);
    }
    const text = await response.text();
    const doc = text ? parseXml(text) : null;
    if (!response.ok) {
      const code = doc?.getElementsByTagNameNS(AZURE_XMLNS, 'Code')[0]?.textContent ?? `Http${response.status}`;
      const message = doc?.getElementsByTagNameNS(AZURE_XMLNS, 'Message')[0]?.textContent ?? `The service answered HTTP ${response.status}.`;
      throw new AzureApiError(response.status, code, message, response.headers.get('x-ms-request-id'), undefined, undefined, parseRetryAfter(response.headers));
    }
    return doc;
  }
  return { send, endpoint };
}

export type AsmClient = ReturnType<typeof createAsmClient>;

/** Text of the first child element with this local name in the Azure namespace. */
export function childText(parent: XmlNode, name: string): string {
  return parent.getElementsByTagNameNS(AZURE_XMLNS, name)[0]?.textContent ?? '';
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
