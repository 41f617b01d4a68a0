import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * axe on the current page: no serious or critical violation. Fluent UI's focus manager (Tabster) inserts
 * `<i tabindex="0" aria-hidden>` sentinels that move focus on; they never hold focus, so they are left out.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // A dialog that is still fading in has half-transparent text: wait for finite animations to end, so axe judges
  // the colours a person reads (a spinner's infinite animation is left running).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
