import { armErrors } from '../../common/arm-error.ts';
import type { ApiRequest } from '../../common/api-types.ts';
import { validationError } from '../apim-errors.ts';

/** The `properties` object of a small JSON body (`{"properties": {...}}`), or the 4xx that says what is wrong. */
export function readJsonProperties(request: ApiRequest): Record<string, unknown> {
  const contentType = String(request.headers['content-type'] ?? 'application/json');
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim())) throw armErrors.unsupportedMediaType(contentType);
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    throw armErrors.invalidRequestContent(
      `The request content was invalid and could not be deserialized: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const properties = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).properties : undefined;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
    throw validationError('properties', 'The body must be {"properties": {...}}.');
  return properties as Record<string, unknown>;
}
