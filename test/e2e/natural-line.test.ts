/**
 * Layout sets a short text once, on one line as long as it is, and prints
 * that line wherever the measure is wider (a table cell that fits its
 * column, an index or TOC heading that fits its line): the composer must
 * give the same line at any such measure. (At exactly its width it fits the
 * line to the measure, its glyphs placed with other rounding: not reused.) Checked on the sample's table
 * cells and headings, in the real fonts.
 */
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { BODY, composeParagraph, type ComposeOptions, inlineRuns, type Line, type ParagraphInput } from '../../src/compose/index.ts';
import { createFontProvider } from '../../src/font/index.ts';
import { loadFontSet } from '../../src/io/index.ts';
import { type Inline, type StatTable, walkBook } from '../../src/model/index.ts';
import { checkDir } from '../helpers/manuscript.ts';

const SAMPLE = join(import.meta.dirname, '../../manuscript');
const SIZE = 9;
let options: Omit<ComposeOptions, 'measurePt'>;
let cells: Inline[][] = [];
let titles: string[] = [];

beforeAll(async () => {
  const { book } = await checkDir(SAMPLE);
  const tables: StatTable[] = [];
  const found: string[] = [];
  walkBook(book!, (node) => {
    if (node.type === 'table') tables.push(node);
    if ('title' in node && typeof node.title === 'string') found.push(node.title);
  });
  cells = tables.flatMap((t) => t.rows.flat());
  titles = found;
  const { punctuation, kinsoku } = book!.settings;
  options = { fontSizePt: SIZE, punctuation, kinsoku, fonts: createFontProvider(await loadFontSet()) };
}, 120_000);

/** What a line prints: its glyphs and their places, its width and text (its `measurePt` is the one thing that differs). */
const printed = (l: Line) => ({ at: [...l.glyphs.at], glyphs: l.glyphs.refs.map((g) => `${g.fontKey}:${g.glyphId}`), widthPt: l.widthPt, text: l.text, spreadEm: l.spreadEm, indentPt: l.indentPt });

/** The texts whose one natural line differs from the line set a hair wider than it, or an em wider. */
function differing(inputs: readonly ParagraphInput[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const natural = composeParagraph(input, { ...options, measurePt: 100_000 }).lines;
    if (natural.length !== 1) continue;
    for (const measurePt of [natural[0]!.widthPt + 1e-6, natural[0]!.widthPt + 9]) {
      const again = composeParagraph(input, { ...options, measurePt }).lines;
      if (again.length !== 1 || JSON.stringify(printed(again[0]!)) !== JSON.stringify(printed(natural[0]!))) out.push(`${natural[0]!.text} @ ${measurePt}`);
    }
  }
  return out;
}

test('a table cell set on one line at its natural width is the same line in any wider column (table.ts keeps it)', () => {
  const inputs = cells.map((c): ParagraphInput => ({ runs: inlineRuns(c, { ...BODY, figures: 'tabular' }), indentEm: 0, align: 'start' }));
  expect(inputs.length).toBeGreaterThan(1000);
  expect(differing(inputs)).toEqual([]);
});

test('a heading set on one line at its natural width is the same line on any wider measure (index-lines.ts keeps it)', () => {
  const inputs = titles.map((text): ParagraphInput => ({ runs: [{ kind: 'text', text, style: BODY }], indentEm: 0, align: 'start' }));
  expect(inputs.length).toBeGreaterThan(300);
  expect(differing(inputs)).toEqual([]);
});
