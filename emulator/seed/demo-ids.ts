/** Fixed ids of the demo data, shared by the seed, the tests and the README. */
export const DEMO_SUBSCRIPTIONS = {
  production: { id: '0b1f6471-1bf0-4dda-aec3-cb9272f09590', name: 'Contoso Production' },
  development: { id: '2c4e8a10-5d3b-4f6e-9a7c-1e2d3f4a5b6c', name: 'Contoso Development' },
  legacy: { id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', name: 'Fabrikam Legacy (disabled)' },
} as const;
