import type { Db } from '../store/database.ts';

/** Resource groups, API Management services and their certificates. (Filled by the ARM emulator work.) */
export async function seedApimDemo(_db: Db): Promise<void> {}
