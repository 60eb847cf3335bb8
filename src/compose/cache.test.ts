import { describe, expect, it } from 'vitest';
import { CompositionCache } from './cache.ts';
import type { ComposedParagraph, ComposeOptions, ParagraphInput } from './types.ts';

const options = { fontSizePt: 9, measurePt: 200, punctuation: 'full-width', kinsoku: 'strict' } as unknown as ComposeOptions;
const para = (text: string, line = 1): ParagraphInput => ({
  runs: [{ kind: 'text', text, style: { role: 'body', bold: false }, source: { path: 'a.md', position: { start: { line, column: 1 }, end: { line, column: 9 } } } }],
  indentEm: 2, align: 'justify',
});

describe('composition cache (watch)', () => {
  it('composes a paragraph once per key, and forgets what a build did not use', () => {
    const cache = new CompositionCache();
    let calls = 0;
    const compose = (): ComposedParagraph => ({ lines: [], problems: [], id: ++calls } as unknown as ComposedParagraph);
    cache.startBuild();
    const a = cache.compose(para('河西区'), options, compose);
    expect(cache.compose(para('河西区'), options, compose)).toBe(a);
    cache.compose(para('河西区'), { ...options, measurePt: 100 }, compose);
    cache.compose(para('河西区', 2), options, compose); // moved to another line: its problems would be reported elsewhere
    expect(cache.counters).toEqual({ hits: 1, misses: 3 });
    cache.startBuild();
    expect(cache.compose(para('河西区'), options, compose)).toBe(a);
    expect(cache.counters).toEqual({ hits: 1, misses: 0 });
    cache.startBuild();
    cache.startBuild();
    expect(cache.compose(para('河西区', 2), options, compose)).not.toBe(a);
    expect(cache.counters).toEqual({ hits: 0, misses: 1 });
    expect(calls).toBe(4);
  });
});
