import { describe, expect, it } from 'vitest';
import { cachedFilterCompiler } from '../odata-filter-cache.ts';

describe('cachedFilterCompiler', () => {
  it('compiles a text once and never keeps a failure', () => {
    const compiled: string[] = [];
    const compile = cachedFilterCompiler((text) => {
      compiled.push(text);
      if (text === 'bad') throw new Error('bad filter');
      return { text };
    });
    const first = compile("name eq 'a'");
    expect(compile("name eq 'a'")).toBe(first);
    expect(compiled).toEqual(["name eq 'a'"]);
    expect(() => compile('bad')).toThrow('bad filter');
    expect(() => compile('bad')).toThrow('bad filter');
    expect(compiled).toEqual(["name eq 'a'", 'bad', 'bad']);
  });

  it('keeps at most 1,000 texts, the least recently used going first', () => {
    let calls = 0;
    const compile = cachedFilterCompiler((text) => {
      calls++;
      return text;
    });
    for (let i = 0; i < 1000; i++) compile(`f${i}`);
    compile('f0'); // used again: now the newest
    compile('f1000'); // evicts f1
    calls = 0;
    compile('f0');
    expect(calls).toBe(0);
    compile('f1');
    expect(calls).toBe(1);
  });
});
