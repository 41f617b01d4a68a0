import { armErrors } from '../common/arm-error.ts';
import type { ApiRequest } from '../common/api-types.ts';

/** A JSON object request body, or ARM's 415/400 for anything else; `example` shows the expected shape in the 400s. */
export function readJsonObject(request: ApiRequest, example?: string): Record<string, unknown> {
  const contentType = String(request.headers['content-type'] ?? 'application/json');
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim())) throw armErrors.unsupportedMediaType(contentType);
  const text = request.body.toString('utf8');
  if (text.trim() === '')
    throw armErrors.invalidRequestContent(
      `The request content was invalid and could not be deserialized: the body is empty${example ? `; send ${example}` : ''}.`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw armErrors.invalidRequestContent(
      `The request content was invalid and could not be deserialized: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw armErrors.invalidRequestContent(`The request content must be a JSON object${example ? ` like ${example}` : ''}.`);
  return body as Record<string, unknown>;
}

/** `tags` as ARM takes them: an object of string values, at most 50. */
export function readTags(value: unknown, validation: (target: string, message: string) => Error): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw validation('tags', 'tags must be an object of names to string values.');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 50) throw validation('tags', `A resource may have at most 50 tags; this request has ${entries.length}.`);
  for (const [name, tag] of entries) {
    if (typeof tag !== 'string' || name.length > 512 || tag.length > 256)
      throw validation(`tags.${name}`, 'A tag name is at most 512 characters and its value a string of at most 256.');
  }
  return value as Record<string, string>;
}
