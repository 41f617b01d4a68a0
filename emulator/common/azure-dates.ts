/** The spec's `yyyy-MM-ddTHH:mm:ssZ`: whole seconds, UTC. Stored this way too, so text order is time order. */
export function formatAzureDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
