import { AzureApiError, NetworkError } from './api-error';
import { parseRetryAfter } from './retry';

export type TokenSource = () => Promise<string>;

export interface ArmResponse<T> {
  data: T;
  etag: string | null;
  status: number;
  /** Where a long-running operation reports (`Azure-AsyncOperation`), when the answer started one. */
  asyncOperation: string | null;
  /** How long the service asked a poller to wait before asking again (Retry-After), when it said. */
  retryAfterMs?: number;
}

export interface ArmRequest {
  method?: 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  apiVersion: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  ifMatch?: string;
}

interface ArmErrorBody {
  error?: { code?: string; message?: string; target?: string; details?: Array<{ code: string; message: string; target?: string }> };
}

/** ARM over fetch: the bearer token, api-version, JSON, and ARM's error envelope as AzureApiError. */
export function createArmClient(endpoint: string, token: TokenSource) {
  async function send<T>(pathOrUrl: string, request: ArmRequest): Promise<ArmResponse<T>> {
    const url = pathOrUrl.startsWith('https://') ? new URL(pathOrUrl) : new URL(endpoint + pathOrUrl);
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', request.apiVersion);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { Authorization: `Bearer ${await token()}`, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.ifMatch) headers['If-Match'] = request.ifMatch;
    let response: Response;
    try {
      response = await fetch(url, { method: request.method ?? 'GET', headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
    } catch (error) {
      throw new NetworkError(url.toString(), error);
    }
    const requestId = response.headers.get('x-ms-request-id');
    const text = request.method === 'HEAD' ? '' : await response.text();
    if (!response.ok) {
      let body: ArmErrorBody = {};
      try {
        body = JSON.parse(text) as ArmErrorBody;
      } catch {
        /* not JSON: fall through to the status text */
      }
      throw new AzureApiError(
        response.status,
        body.error?.code ?? `Http${response.status}`,
        body.error?.message ?? (response.statusText || `The service answered HTTP ${response.status}.`),
        requestId,
        body.error?.target,
        body.error?.details,
        parseRetryAfter(response.headers),
      );
    }
    return {
      data: (text ? JSON.parse(text) : undefined) as T,
      etag: response.headers.get('etag'),
      status: response.status,
      asyncOperation: response.headers.get('azure-asyncoperation'),
      retryAfterMs: parseRetryAfter(response.headers),
    };
  }

  /** Every page of a collection: follows nextLink until the service stops sending one. */
  async function listAll<T>(path: string, request: ArmRequest, maxPages = 200): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    let first = true;
    for (let page = 0; next && page < maxPages; page++) {
      const response: ArmResponse<{ value: T[]; nextLink?: string }> = await send(next, first ? request : { apiVersion: request.apiVersion });
      items.push(...response.data.value);
      next = response.data.nextLink;
      first = false;
    }
    return items;
  }

  return { send, listAll, endpoint };
}

export type ArmClient = ReturnType<typeof createArmClient>;
