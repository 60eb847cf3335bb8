/**
 * Footnotes (页下注, issue 17), built by the real pipeline from
 * test/fixtures/footnotes and read back from the PDF with pdf.js: a 特载
 * article whose first paragraph has two marks in the left column and ends in
 * the right one, a long note marked low in the right column that goes on at
 * the next page's foot, a note on the next page, and a second article with a
 * note of its own. Built with the default template (①, numbered per article),
 * with one that marks 〔1〕 and numbers through the book, and with one that
 * numbers from 1 on each page.
 *
 * The layout spec has no footnote section; the rules asserted are the issue's
 * (a note at the foot of the column its mark is in, one short rule over a
 * column's notes, 小五, the mark smaller and raised) with R-COL-1/R-COL-2 (the
 * text above the notes ends on the grid), R-KIN-1 (a mark never begins a line)
 * and R-EPUB-4 (the EPUB prints the same marks, as linked notes).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadTemplate, type Template } from '../../src/config/index.ts';
import { NOTE_REF_RISE_EM, NOTE_REF_SCALE } from '../../src/compose/build-units.ts';
import { VFile } from '../../src/diagnostics/index.ts';
import { geometryOf } from '../../src/layout/index.ts';
import { runBuild } from '../../src/pipeline/index.ts';
import { type PdfBox, readPdfBoxes } from '../../scripts/makeup-counts.ts';
import { outputIn } from '../helpers/outputs.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/footnotes');
const TEMPLATE = readFileSync(join(import.meta.dirname, '../../templates/yearbook-16k.yaml'), 'utf8');
const MANUSCRIPT = readFileSync(join(FIXTURE, '01-特载.md'), 'utf8');

/** A horizontal rule on a page, in pt from the top left. */
interface Rule {
  x1: number;
  x2: number;
  y: number;
}

/** The horizontal strokes of every page (pdf.js's constructPath with a flat bounding box, through the page's transforms). */
async function readRules(bytes: Uint8Array): Promise<Rule[][]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: Rule[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]!;
    const ops = await page.getOperatorList();
    type M = [number, number, number, number, number, number];
    const stack: M[] = [];
    let m: M = [1, 0, 0, 1, 0, 0];
    const rules: Rule[] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(m);
      else if (fn === OPS.restore) m = stack.pop() ?? m;
      else if (fn === OPS.transform) {
        const n = args as M;
        m = [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
      } else if (fn === OPS.constructPath) {
        const box = args.at(-1) as Record<number, number> | null;
        if (!box || Math.abs(box[1]! - box[3]!) > 0.01) return;
        const at = (x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;
        const [x1, y1] = at(box[0]!, box[1]!);
        const [x2] = at(box[2]!, box[3]!);
        rules.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y: height - y1 });
      }
    });
    pages.push(rules);
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

interface Built {
  pages: PdfBox[][];
  rules: Rule[][];
  epub: string;
  template: Template;
}

/** Builds the fixture, its template's footnotes set to `style` and `numbering` (undefined: the default template untouched). */
async function build(footnotes?: { style: string; numbering: string }): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-footnotes-'));
  cpSync(FIXTURE, dir, { recursive: true });
  let text = TEMPLATE;
  if (footnotes) {
    text = TEMPLATE.replace('style: circled', `style: ${footnotes.style}`).replace('numbering: article', `numbering: ${footnotes.numbering}`);
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates/notes.yaml'), text);
    writeFileSync(join(dir, 'book.yaml'), `${readFileSync(join(dir, 'book.yaml'), 'utf8')}template: notes\n`);
  }
  const out = join(dir, 'out');
  const outcome = await runBuild({ dir, out, draft: false, epub: true, log: () => {} });
  const messages = outcome.files.flatMap((f) => f.messages.filter((m) => m.fatal !== undefined).map((m) => `${f.path}:${m.line} ${m.ruleId} ${m.reason}`));
  expect(messages).toEqual([]);
  expect(outcome.status).toBe('built');
  const pdf = new Uint8Array(readFileSync(outputIn(out, '.pdf')));
  const files = unzipSync(new Uint8Array(readFileSync(outputIn(out, '.epub'))));
  const epub = Object.entries(files).filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => strFromU8(b)).join('\n');
  return { pages: await readPdfBoxes(pdf), rules: await readRules(pdf), epub, template: loadTemplate(new VFile({ path: 'notes.yaml', value: text }))! };
}

/** What the checks read from a built book: marks in the text, notes at the feet, body lines, rules; by page and column. */
function reading(b: Built) {
  const g = geometryOf(b.template);
  const mid = g.columnLeft(true, 1) - g.gutterPt / 2;
  const columnOf = (x: number) => (x < mid ? 0 : 1);
  const refSize = g.bodySizePt * NOTE_REF_SCALE;
  const noteSize = b.template.caption.size_pt;
  const text = (page: number) => b.pages[page]!.filter((t) => t.kind === 'text');
  const body = (page: number) => text(page).filter((t) => Math.abs(t.size - g.bodySizePt) < 0.05 && t.y > g.typeTopPt && t.y < g.baseline(g.linesPerColumn - 1) + 1);
  /** In-text marks: text at the mark size. */
  const marks = b.pages.flatMap((_, p) => text(p).filter((t) => Math.abs(t.size - refSize) < 0.05 && t.text.trim() !== '').map((t) => ({ page: p, column: columnOf(t.x), box: t })));
  /** Note lines: text at 小五 inside the type area (the running head and folio are outside it). */
  const firstPage = Math.min(...marks.map((m) => m.page));
  const noteLines = b.pages.flatMap((_, p) => (p < firstPage ? [] : text(p)).filter((t) => Math.abs(t.size - noteSize) < 0.05 && t.y > g.typeTopPt && t.y < g.baseline(g.linesPerColumn - 1) + 2).map((t) => ({ page: p, column: columnOf(t.x), box: t })));
  /** Short rules (not the running head's, which spans the type area). */
  const rules = b.rules.flatMap((rs, p) => (p < firstPage ? [] : rs).filter((r) => r.x2 - r.x1 < g.columnWidthPt / 2 && r.y > g.typeTopPt).map((r) => ({ page: p, column: columnOf(r.x1), rule: r })));
  if (process.env.DEBUG_NOTES) console.log(noteLines.map((n) => `${n.page}/${n.column} ${n.box.x.toFixed(1)} ${n.box.y.toFixed(1)} ${n.box.text.slice(0, 12)}`).join('\n'));
  return { g, columnOf, refSize, noteSize, body, marks, noteLines, rules };
}

/** The note line that begins with `mark` (the note's own mark, at 小五). */
const noteStart = (r: ReturnType<typeof reading>, mark: string) => r.noteLines.filter((n) => n.box.text.replace(/\s/g, '').startsWith(mark));

let plain: Built;
let bracketed: Built;
let byPage: Built;

beforeAll(async () => {
  plain = await build();
  bracketed = await build({ style: 'bracketed', numbering: 'continuous' });
  byPage = await build({ style: 'circled', numbering: 'page' });
}, 600_000);

describe('footnotes with the default template (①, numbered per article)', () => {
  test('the fixture has what it is for: the first paragraph is marked in the left column and ends in the right one', () => {
    const r = reading(plain);
    const paragraph = MANUSCRIPT.split('\n').find((l) => l.includes('[^a]'))!;
    const ending = paragraph.slice(-8);
    const endAt = plain.pages.flatMap((boxes, p) => boxes.filter((t) => t.kind === 'text' && t.text.includes(ending)).map((t) => ({ page: p, column: r.columnOf(t.x) })));
    expect(endAt).toHaveLength(1);
    const [one, two] = r.marks.filter((m) => m.box.text.trim() === '①' || m.box.text.trim() === '②');
    expect([one!.page, one!.column, two!.page, two!.column]).toEqual([endAt[0]!.page, 0, endAt[0]!.page, 0]);
    expect(endAt[0]!.column).toBe(1);
  });

  test('each note is at the foot of the column its mark is set in, below the text there', () => {
    const r = reading(plain);
    const inText = r.marks.map((m) => ({ mark: m.box.text.trim(), page: m.page, column: m.column }));
    expect(inText.map((m) => m.mark)).toEqual(['①', '②', '③', '④', '①']);
    for (const m of inText) {
      const notes = noteStart(r, m.mark).filter((n) => n.page === m.page && n.column === m.column);
      expect(notes, `${m.mark} on page ${m.page} column ${m.column}`).toHaveLength(1);
      const lastBody = Math.max(...r.body(m.page).filter((t) => r.columnOf(t.x) === m.column).map((t) => t.y));
      expect(notes[0]!.box.y).toBeGreaterThan(lastBody);
    }
  });

  test('the notes of a column share one short rule, stacked under it in order', () => {
    const r = reading(plain);
    const perColumn = new Map<string, number>();
    for (const x of r.rules) perColumn.set(`${x.page}/${x.column}`, (perColumn.get(`${x.page}/${x.column}`) ?? 0) + 1);
    expect([...perColumn.values()].every((n) => n === 1)).toBe(true);
    // Every column with note lines has its rule, above them.
    const columns = new Set(r.noteLines.map((n) => `${n.page}/${n.column}`));
    expect([...columns].sort()).toEqual([...perColumn.keys()].sort());
    const [one] = noteStart(r, '①');
    const [two] = noteStart(r, '②');
    const rule = r.rules.find((x) => x.page === one!.page && x.column === 0)!.rule;
    expect(rule.y).toBeLessThan(one!.box.y - r.noteSize * 0.88);
    expect(two!.box.y - one!.box.y).toBeCloseTo(r.noteSize * 1.4, 1);
    expect(rule.x2 - rule.x1).toBeCloseTo(r.g.columnWidthPt / 4, 1);
  });

  test('R-COL-1, R-COL-2: the text above the notes is on the grid and runs down to them; the notes end on the last grid line', () => {
    const r = reading(plain);
    for (const x of r.rules) {
      // Lines of text, set from the column's left edge or its 2-em indent (R-PAR-1); not the centred byline.
      const left = r.g.columnLeft(true, x.column);
      const lines = r.body(x.page).filter((t) => r.columnOf(t.x) === x.column && t.y < x.rule.y && t.x < left + 2 * r.g.bodySizePt + 1);
      const baselines = [...new Set(lines.map((t) => Math.round(t.y * 100) / 100))].sort((a, b) => a - b);
      for (const y of baselines) expect(Math.abs((y - r.g.baseline(0)) / r.g.pitchPt - Math.round((y - r.g.baseline(0)) / r.g.pitchPt))).toBeLessThan(0.01);
      const notes = r.noteLines.filter((n) => n.page === x.page && n.column === x.column);
      expect(Math.max(...notes.map((n) => n.box.y))).toBeCloseTo(r.g.baseline(r.g.linesPerColumn - 1) + 0.12 * (r.g.bodySizePt - r.noteSize), 1);
      // Not a short column: the last text line stands within a grid line of the rule (the flow's last column excepted).
      const lastFlowColumn = x.page === plain.pages.length - 1 || !plain.pages.slice(x.page + 1).some((p) => p.some((t) => t.kind === 'text' && Math.abs(t.size - r.g.bodySizePt) < 0.05));
      if (!(lastFlowColumn && x.column === 1)) expect(x.rule.y - baselines.at(-1)!).toBeLessThan(r.g.pitchPt + 0.12 * r.g.bodySizePt);
    }
  });

  test('a note too long for the room left goes on at the foot of the next page, under a rule, its text whole', () => {
    const r = reading(plain);
    const [three] = noteStart(r, '③');
    const next = r.noteLines.filter((n) => n.page === three!.page + 1 && n.column === 0);
    expect(next.length).toBeGreaterThan(2);
    expect(next.some((n) => /^[①-⑳]/.test(n.box.text))).toBe(false);
    expect(r.rules.filter((x) => x.page === three!.page + 1 && x.column === 0)).toHaveLength(1);
    const noteText = MANUSCRIPT.split('\n').find((l) => l.startsWith('[^c]:'))!.slice(6);
    const printed = r.noteLines.filter((n) => (n.page === three!.page && n.column === three!.column) || (n.page === three!.page + 1 && n.column === 0))
      .sort((a, b) => a.page - b.page || a.box.y - b.box.y || a.box.x - b.box.x).map((n) => n.box.text).join('').replace(/\s/g, '').replace(/^③/, '');
    expect(printed).toBe(noteText.replace(/\s/g, ''));
  });

  test('the mark in the text is smaller and raised; the note’s own mark is at 小五 on its baseline; R-KIN-1: no line begins with a mark', () => {
    const r = reading(plain);
    expect(r.marks).toHaveLength(5);
    for (const m of r.marks) {
      const line = r.body(m.page).filter((t) => r.columnOf(t.x) === m.column && t.y > m.box.y && t.y - m.box.y < r.g.bodySizePt);
      expect(line.length).toBeGreaterThan(0);
      expect(line[0]!.y - m.box.y).toBeCloseTo(NOTE_REF_RISE_EM * r.g.bodySizePt, 1);
      expect(m.box.size).toBeLessThan(r.g.bodySizePt * 0.7);
      // The mark stands after text on its line, never at the column's left edge.
      expect(m.box.x).toBeGreaterThan(r.g.columnLeft(true, m.column) + 1);
    }
    for (const mark of ['①', '②', '③']) expect(noteStart(r, mark)[0]!.box.size).toBeCloseTo(9, 2);
  });

  test('the EPUB links each mark to its note and back', () => {
    const refs = [...plain.epub.matchAll(/<a id="([^"]+)" href="#([^"]+)"[^>]*epub:type="noteref"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(refs.map((x) => x[2])).toEqual(['①', '②', '③', '④', '①']);
    for (const [id, target] of refs) {
      expect(target).toBe(`${id}-note`);
      expect(plain.epub).toMatch(new RegExp(`<aside id="${target}"[^>]*epub:type="footnote"[\\s\\S]*?href="#${id}"`));
    }
  });
});

describe('footnotes with a template that marks 〔1〕 and numbers through the book', () => {
  test('the marks follow the template, in the text, at the foot and in the EPUB; the second article goes on from the first', () => {
    const r = reading(bracketed);
    const marks = ['〔1〕', '〔2〕', '〔3〕', '〔4〕', '〔5〕'];
    expect(r.marks.map((m) => m.box.text.replace(/\s/g, ''))).toEqual(marks);
    for (const mark of marks) expect(noteStart(r, mark), mark).toHaveLength(1);
    expect(r.noteLines.some((n) => /[①-⑳]/.test(n.box.text))).toBe(false);
    const refs = [...bracketed.epub.matchAll(/epub:type="noteref"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(refs).toEqual(marks);
  });

  test('each note still stands at the foot of its mark’s column, one rule a column', () => {
    const r = reading(bracketed);
    for (const m of r.marks) expect(noteStart(r, m.box.text.replace(/\s/g, '')).filter((n) => n.page === m.page && n.column === m.column)).toHaveLength(1);
    const keys = r.rules.map((x) => `${x.page}/${x.column}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('footnotes numbered from 1 on each page', () => {
  test('the marks start again on the next page, across the articles; the notes follow them', () => {
    const r = reading(byPage);
    expect(r.marks.map((m) => m.box.text.trim())).toEqual(['①', '②', '③', '①', '②']);
    const pages = r.marks.map((m) => m.page);
    expect(pages.slice(0, 3).every((p) => p === pages[0])).toBe(true);
    expect(pages.slice(3).every((p) => p === pages[0]! + 1)).toBe(true);
    for (const m of r.marks) expect(noteStart(r, m.box.text.trim()).filter((n) => n.page === m.page && n.column === m.column)).toHaveLength(1);
    const refs = [...byPage.epub.matchAll(/epub:type="noteref"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(refs).toEqual(['①', '②', '③', '①', '②']);
  });
});
