/// <reference types="node" />
import { waitUntilNoEmulator } from './leftover-emulators.ts';

/**
 * The last step of `npm test`: fails, naming them, if emulator processes started from this checkout are still
 * running (a test that killed a wrapper instead of the server, or forgot to stop one). A few seconds of grace
 * for servers that are closing. An emulator you started yourself from this checkout (`npm start`) counts too:
 * stop it before `npm test`.
 */
const left = await waitUntilNoEmulator(() => true, 5_000);
if (left.length > 0) {
  console.error(`npm test left ${left.length} emulator process(es) running:`);
  for (const { pid, args } of left) console.error(`  pid ${pid}: ${args}`);
  process.exit(1);
}
console.log('no emulator process left running');
