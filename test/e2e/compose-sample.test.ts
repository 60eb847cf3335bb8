/**
 * Every body paragraph of the sample as the build set it (the real fonts,
 * the template's measure), checked line by line as a proofreader would.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLOSE, CONNECTOR, INTERPUNCT, OPEN, SOLIDUS, STOP_END, STOP_IN } from '../../src/cjk/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { breakLines, breakLinesExhaustive } from '../../src/compose/break-lines.ts';
import { breakInputOf, composeParagraph } from '../../src/compose/compose-paragraph.ts';
import { loadFontSet } from '../../src/io/index.ts';
import type { ComposeOptions, Line } from '../../src/compose/index.ts';
import { geometryOf } from '../../src/layout/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { readTemplateFile } from '../../src/io/index.ts';
import { type SetBook, setBook } from '../helpers/set-book.ts';

const NO_START = new Set([...STOP_END, ...STOP_IN, ...CLOSE, ...CONNECTOR.replace('—', ''), ...INTERPUNCT, ...SOLIDUS]);
const NO_END = new Set([...OPEN]);
/** Things that must not be split across lines (R-KIN-5, R-KIN-8, R-KIN-9). */
const UNSPLITTABLE = /——|……|[¥￥$]?\d+(?:[.,:\-]\d+)*[%‰℃°]?|[A-Za-z][A-Za-z0-9.\-]*/g;

const SAMPLE = join(import.meta.dirname, '../../manuscript');
let result: SetBook;
let fonts: FontProvider;
let options: ComposeOptions;
let lines: Array<{ line: Line; paragraph: Line[]; index: number }>;

beforeAll(async () => {
  fonts = createFontProvider(await loadFontSet());
  result = await setBook(SAMPLE, fonts);
  lines = result.paragraphs.flatMap((b) => b.lines.map((line, index) => ({ line, paragraph: b.lines, index })));
  // The composer's options for the body as the layout gives them: the template's size and column.
  const g = geometryOf(loadTemplate(await readTemplateFile(SAMPLE, result.book.settings.template))!);
  const { punctuation, kinsoku } = result.book.settings;
  options = { fontSizePt: g.bodySizePt, measurePt: g.columnWidthPt, punctuation, kinsoku, fonts };
}, 120_000);

describe('the whole sample, as set on its pages', () => {
  test('every paragraph of the body is printed, each line at the template\'s measure (2 columns × 23 em of 五号, R-GRID-1)', () => {
    expect(result.paragraphs.length).toBeGreaterThan(1700);
    expect(lines.length).toBeGreaterThan(19_000);
    expect(options.measurePt).toBeCloseTo(241.5, 5);
    expect(lines.filter(({ line }) => Math.abs(line.measurePt - options.measurePt) > 1e-6)).toEqual([]);
    // Each paragraph's lines are all there, none missing between its first and last.
    expect(result.paragraphs.filter((p) => p.lines.some((l) => l === undefined)).map((p) => p.key)).toEqual([]);
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
    for (const b of result.paragraphs) {
      // Cuts are found in the input text, where a typed space between words still stands.
      const input = b.input.runs.map((r) => (r.kind === 'text' ? r.text : ' ')).join('');
      const spans = [...input.matchAll(UNSPLITTABLE)].map((m) => [m.index!, m.index! + m[0].length] as const);
      let setChars = 0;
      let at = 0;
      for (const line of b.lines.slice(0, -1)) {
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

  test('先挤后推, R-JUS-7: a paragraph the make-up sets a line longer to fill a column spreads by 0.15 em per gap at most where its own setting does not (before: 10 such paragraphs, up to 0.25 em, p. 298)', () => {
    const widest = (ls: readonly Line[]) => Math.max(0, ...ls.filter((l) => !l.isLast).map((l) => l.spreadEm));
    let pushed = 0;
    const spread: string[] = [];
    for (const b of result.paragraphs) {
      const own = composeParagraph(b.input, options).lines;
      if (b.lines.length <= own.length) continue;
      pushed++;
      if (widest(b.lines) > 0.15 && widest(own) <= 0.15) spread.push(`${widest(b.lines).toFixed(3)} ${b.lines[0]!.text}`);
    }
    expect(pushed).toBeGreaterThan(10);
    expect(spread).toEqual([]);
  });

  test('every character of the body is set once, in order', () => {
    for (const b of result.paragraphs) {
      const input = b.input.runs.map((r) => (r.kind === 'text' ? r.text.replace(/[\s\u3000]/g, '') : '')).join('');
      const set = b.lines.flatMap((l) => l.glyphs.toArray().map((g) => g.text)).join('');
      expect(set).toBe(input);
    }
  });

  test('every entry’s anchor is on its first line', () => {
    const entries = result.paragraphs.filter((b) => b.entryId);
    expect(entries).toHaveLength(877);
    for (const b of entries) expect(b.lines[0]!.anchors.map((a) => a.id)).toContain(b.entryId);
  });

  test('the breaker’s first pass (lines that are not loose, R-JUS-7) finds the breaks trying every line finds, on every paragraph', () => {
    const differ = result.paragraphs.filter(({ input }) => {
      const { breakInput } = breakInputOf(input, options);
      return JSON.stringify(breakLines(breakInput)) !== JSON.stringify(breakLinesExhaustive(breakInput));
    });
    expect(differ.map((b) => b.key)).toEqual([]);
  });
});
