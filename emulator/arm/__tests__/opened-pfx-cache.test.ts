import { describe, expect, it } from 'vitest';
import { openPfxOnce } from '../certificates/opened-pfx-cache.ts';
import { PfxRejected, type PfxFacts } from '../certificates/open-pfx.ts';

const facts = (subject: string): PfxFacts => ({ subject, thumbprint: 'AB', expirationDate: '2030-01-01T00:00:00Z', leafDer: Buffer.from([1, 2, 3]) });

describe('openPfxOnce', () => {
  it('opens the same bytes and password once, and again for other bytes or another password', async () => {
    const opened: string[] = [];
    const open = (label: string) => async () => {
      opened.push(label);
      return facts(label);
    };
    const file = Buffer.from(`pfx-${Math.random()}`);
    expect((await openPfxOnce(file, 'pw', open('first'))).subject).toBe('first');
    expect((await openPfxOnce(Buffer.from(file), 'pw', open('again'))).subject).toBe('first');
    expect((await openPfxOnce(file, 'other', open('other password'))).subject).toBe('other password');
    expect((await openPfxOnce(Buffer.from(`${file.toString()}!`), 'pw', open('other bytes'))).subject).toBe('other bytes');
    expect(opened).toEqual(['first', 'other password', 'other bytes']);
  });

  it('judges a refused file afresh and hands out DER a caller cannot change for the next', async () => {
    const file = Buffer.from(`refused-${Math.random()}`);
    let calls = 0;
    const refuse = async (): Promise<PfxFacts> => {
      calls++;
      throw new PfxRejected('no');
    };
    await expect(openPfxOnce(file, '', refuse)).rejects.toThrow('no');
    await expect(openPfxOnce(file, '', refuse)).rejects.toThrow('no');
    expect(calls).toBe(2);
    const good = Buffer.from(`good-${Math.random()}`);
    await openPfxOnce(good, '', async () => facts('good'));
    const first = await openPfxOnce(good, '', async () => facts('never'));
    first.leafDer[0] = 99;
    expect((await openPfxOnce(good, '', async () => facts('never'))).leafDer[0]).toBe(1);
  });
});
