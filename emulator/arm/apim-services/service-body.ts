import { validationError } from '../apim-errors.ts';
import { readTags } from '../read-json-object.ts';
import { readCaCertificates, type StoredCaCertificate } from './ca-certificates.ts';

/** The SKUs of apimdeployment.json 2024-05-01. */
const SKUS = ['Developer', 'Standard', 'Premium', 'Basic', 'Consumption', 'Isolated', 'BasicV2', 'StandardV2', 'PremiumV2'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The writable parts of a service, as a PUT gives them all and a PATCH some. */
export interface ServiceInput {
  location?: string;
  tags?: Record<string, string>;
  sku?: { name: string; capacity: number };
  publisherEmail?: string;
  publisherName?: string;
  certificates?: StoredCaCertificate[];
}

function readSku(value: unknown): { name: string; capacity: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw validationError('sku', 'sku is required: {"name": "Developer", "capacity": 1}.');
  const { name, capacity } = value as Record<string, unknown>;
  const sku = typeof name === 'string' ? SKUS.find((s) => s.toLowerCase() === name.toLowerCase()) : undefined;
  if (!sku) throw validationError('sku.name', `sku.name must be one of ${SKUS.join(', ')}.`);
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0 || capacity > 31)
    throw validationError('sku.capacity', 'sku.capacity must be a whole number of units (0 for Consumption, 1 or more otherwise).');
  if ((sku === 'Consumption') !== (capacity === 0))
    throw validationError('sku.capacity', sku === 'Consumption' ? 'A Consumption service has capacity 0.' : `A ${sku} service has a capacity of at least 1.`);
  return { name: sku, capacity };
}

function readText(value: unknown, target: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim() === '') throw validationError(target, `${target} is required.`);
  if (value.length > max) throw validationError(target, `${target} is at most ${max} characters.`);
  if (pattern && !pattern.test(value)) throw validationError(target, `${target} '${value}' is not a valid email address.`);
  return value;
}

/**
 * A service body as the spec validates it: `location`, `sku` and `properties.publisherEmail` and
 * `publisherName` required for a PUT (`partial` false); for a PATCH only what is present is checked.
 */
export async function readServiceBody(body: Record<string, unknown>, partial: boolean): Promise<ServiceInput> {
  const input: ServiceInput = {};
  const properties = body.properties ?? (partial ? {} : undefined);
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
    throw validationError('properties', 'properties is required, with publisherEmail and publisherName.');
  const props = properties as Record<string, unknown>;
  if (!partial || body.location !== undefined) input.location = readText(body.location, 'location', 80);
  if (!partial || body.sku !== undefined) input.sku = readSku(body.sku);
  if (body.tags !== undefined) input.tags = readTags(body.tags, validationError);
  if (!partial || props.publisherEmail !== undefined) input.publisherEmail = readText(props.publisherEmail, 'properties.publisherEmail', 100, EMAIL);
  if (!partial || props.publisherName !== undefined) input.publisherName = readText(props.publisherName, 'properties.publisherName', 100);
  if (!partial || props.certificates !== undefined) input.certificates = await readCaCertificates(props.certificates);
  return input;
}
