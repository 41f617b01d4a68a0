import type { ApiResponse } from '../common/api-types.ts';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export const xmlResponse = (body: string): ApiResponse => ({ status: 200, headers: { 'Content-Type': XML_CONTENT_TYPE }, body });

export const emptyResponse = (): ApiResponse => ({ status: 200 });
