// The API versions the app speaks, one place for each: the emulator accepts these, and a bump is one line.

/** Microsoft.Resources: the subscriptions list and a subscription's own GET. */
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
/** Microsoft.Authorization/permissions: what the caller may do at a scope. */
export const PERMISSIONS_API_VERSION = '2022-04-01';
/** Microsoft.ApiManagement: services and their certificates. */
export const APIM_API_VERSION = '2024-05-01';
/** Classic Service Management's x-ms-version header. */
export const ASM_VERSION = '2014-10-01';
