import { asmErrors } from '../common/asm-error.ts';
import type { VersionRule } from '../common/route-table.ts';

export const OLDEST_VERSION = '2012-03-01';

/** Service Management refuses any request without an `x-ms-version` of 2012-03-01 or later. */
export const asmVersions: VersionRule = {
  check(version) {
    if (typeof version !== 'string' || !isCalendarDate(version.trim()) || version.trim() < OLDEST_VERSION) throw asmErrors.missingVersion();
  },
};

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
