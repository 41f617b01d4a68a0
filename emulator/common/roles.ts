/** Azure RBAC's built-in roles at subscription scope, as far as the emulator grants them. */
export type Role = 'Owner' | 'Contributor' | 'Reader';

/** Owner and Contributor may change resources; Reader may only read them. */
export const canWrite = (role: Role | undefined): boolean => role === 'Owner' || role === 'Contributor';
