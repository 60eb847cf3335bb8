/**
 * Every paragraph of the sample manuscript composed at the body measure
 * with the real fonts, checked line by line as a proofreader would.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { bodyComposeOptions, buildBook, type BuildResult } from '../../src/build/index.ts';
import { CLOSE, CONNECTOR, INTERPUNCT, OPEN, SOLIDUS, STOP_END, STOP_IN } from '../../src/cjk/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { breakLines, breakLinesExhaustive } from '../../src/compose/break-lines.ts';
import { breakInputOf } from '../../src/compose/compose-paragraph.ts';
import { loadFontSet, readManuscript } from '../../src/io/index.ts';
import type { Line } from '../../src/compose/index.ts';

const NO_START = new Set([...STOP_END, ...STOP_IN, ...CLOSE, ...CONNECTOR.replace('—', ''), ...INTERPUNCT, ...SOLIDUS]);
const NO_END = new Set([...OPEN]);
/** Things that must not be split across lines (R-KIN-5, R-KIN-8, R-KIN-9). */
const UNSPLITTABLE = /——|……|[¥￥$]?\d+(?:[.,:\-]\d+)*[%‰℃°]?|[A-Za-z][A-Za-z0-9.\-]*/g;

let result: BuildResult;
let fonts: FontProvider;
let lines: Array<{ line: Line; paragraph: Line[]; index: number }>;

beforeAll(async () => {
  const read = await readManuscript(join(import.meta.dirname, '../../manuscript'));
  fonts = createFontProvider(await loadFontSet());
  result = buildBook(read.files, read.all, fonts);
  lines = result.composed.flatMap((b) => b.composed.lines.map((line, index) => ({ line, paragraph: b.composed.lines, index })));
});

describe('the whole sample, composed at the body measure', () => {
  test('composes every paragraph of the body', () => {
    expect(result.book).toBeDefined();
    expect(result.composed.length).toBeGreaterThan(1700);
    expect(lines.length).toBeGreaterThan(19_000);
    const options = bodyComposeOptions(result.book!.settings, createFontProvider({ roles: {} as never, fallback: [] }));
    expect(options.measurePt).toBeCloseTo(241.5, 5);
  });

  test('R-KIN-1: no wrapped line starts with a prohibited mark', () => {
    const bad = lines.filter(({ line }) => !line.isFirst && NO_START.has(line.text[0]!)).map(({ line }) => line.text);
    expect(bad).toEqual([]);
  });

  test('R-KIN-2: no line ends with an opening mark', () => {
    const bad = lines.filter(({ line }) => NO_END.has(line.text.at(-1)!)).map(({ line }) => line.text);
    expect(bad).toEqual([]);
  });

  test('R-KIN-5/8/9: no number, Latin word, —— or …… is split across lines', () => {
    const bad: string[] = [];
    for (const b of result.composed) {
      // Cuts are found in the input text, where a typed space between words still stands.
      const input = b.input.runs.map((r) => (r.kind === 'text' ? r.text : ' ')).join('');
      const spans = [...input.matchAll(UNSPLITTABLE)].map((m) => [m.index!, m.index! + m[0].length] as const);
      let setChars = 0;
      let at = 0;
      for (const line of b.composed.lines.slice(0, -1)) {
        setChars += line.glyphs.toArray().map((g) => g.text).join('').length;
        let seen = 0;
        for (at = 0; at < input.length && seen < setChars; at++) if (!/[\s\u3000]/.test(input[at]!)) seen++;
        if (spans.some(([from, to]) => from < at && to > at)) bad.push(`${line.text} | ${input.slice(at, at + 10)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('R-JUS-1: every justified line but the last is flush within 0.05 pt', () => {
    const bad = lines
      .filter(({ line }) => !line.isLast && Math.abs(line.widthPt - line.measurePt) > 0.05)
      .filter(({ paragraph }) => paragraph.length > 1)
      .map(({ line }) => `${(line.widthPt - line.measurePt).toFixed(3)} ${line.text}`);
    expect(bad).toEqual([]);
  });

  test('no line is wider than the measure', () => {
    expect(lines.filter(({ line }) => line.widthPt - line.measurePt > 0.05).map(({ line }) => line.text)).toEqual([]);
  });

  test('R-PAR-3: no last line of a single character', () => {
    const bad = lines
      .filter(({ line, paragraph }) => line.isLast && paragraph.length > 1)
      .filter(({ line }) => [...line.text.replace(/[\p{P}\s]/gu, '')].length < 2)
      .map(({ line }) => line.text);
    expect(bad).toEqual([]);
  });

  test('R-JUS-7: under 1 % of lines are loose (more than ⅓ em per gap)', () => {
    const loose = lines.filter(({ line }) => line.spreadEm > 1 / 3).length;
    expect(loose / lines.length).toBeLessThan(0.01);
  });

  test('every character of the body is set once, in order', () => {
    for (const b of result.composed) {
      const input = b.input.runs.map((r) => (r.kind === 'text' ? r.text.replace(/[\s\u3000]/g, '') : '')).join('');
      const set = b.composed.lines.flatMap((l) => l.glyphs.toArray().map((g) => g.text)).join('');
      expect(set).toBe(input);
    }
  });

  test('every entry’s anchor is on its first line', () => {
    const entries = result.composed.filter((b) => b.key.includes('entry'));
    expect(entries).toHaveLength(877);
    for (const b of entries) expect(b.composed.lines[0]!.anchors.map((a) => a.id)).toContain(b.key);
  });

  test('the breaker’s first pass (lines that are not loose, R-JUS-7) finds the breaks trying every line finds, on every paragraph', () => {
    const options = bodyComposeOptions(result.book!.settings, fonts);
    const differ = result.composed.filter(({ input }) => {
      const { breakInput } = breakInputOf(input, options);
      return JSON.stringify(breakLines(breakInput)) !== JSON.stringify(breakLinesExhaustive(breakInput));
    });
    expect(differ.map((b) => b.key)).toEqual([]);
  });
});
