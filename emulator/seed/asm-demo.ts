import type { Db } from '../store/database.ts';

/** Management certificates per subscription. (Filled by the Service Management emulator work.) */
export async function seedAsmDemo(_db: Db): Promise<void> {}
