/**
 * A new small yearbook (test/fixtures/new-book: a 特载 article with a
 * footnote, a 7-row table with a two-level head, a 40-row table, a page-wide
 * table, a column photo and a page-wide photo asked for at the foot of a page), built
 * with the real pipeline and counted from its PDF (issue 17): no body page
 * under half full except where a part ends.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkManuscript, layoutForPrint } from '../../src/build/index.ts';
import { loadTemplate, type Template } from '../../src/config/index.ts';
import { createFontProvider } from '../../src/font/index.ts';
import { imageSizeOf, loadFonts, readImageBytes, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import { walkBook } from '../../src/model/index.ts';
import { renderPdf } from '../../src/render/index.ts';
import { countMakeup, measuresOf, type PdfBox, readPdfBoxes } from '../../scripts/makeup-counts.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/new-book');

let pages: PdfBox[][];
let template: Template;
let messages: string[];

beforeAll(async () => {
  const loaded = await loadFonts();
  const read = await readManuscript(FIXTURE);
  const checked = checkManuscript(read.files, read.all);
  messages = checked.files.flatMap((f) => f.messages.filter((m) => m.fatal !== undefined).map((m) => `${f.basename} ${m.ruleId}`));
  const book = checked.book!;
  template = loadTemplate(await readTemplateFile(FIXTURE, book.settings.template))!;
  const srcs: string[] = [];
  walkBook(book, (n) => n.type === 'figure' && srcs.push(n.src));
  const imageBytes = (await readImageBytes(FIXTURE, srcs)).bytes;
  const laid = layoutForPrint({ book, template, fonts: createFontProvider(loaded.set), imageSize: imageSizeOf(read) });
  const pdf = await renderPdf({
    document: laid.paged, fontFiles: loaded.opened, imageBytes: (src) => imageBytes.get(src),
    metadata: { title: book.settings.title, author: '', subject: '', language: 'zh', date: new Date(0) },
  });
  pages = await readPdfBoxes(new Uint8Array(pdf));
  if (process.env.NEW_BOOK_PDF) (await import('node:fs')).writeFileSync(process.env.NEW_BOOK_PDF, pdf);
}, 300_000);

describe('a new small yearbook, counted from its PDF', () => {
  test('the manuscript checks clean', () => {
    expect(messages).toEqual([]);
  });

  test('no body page under half full except at the end of a part', () => {
    const m = measuresOf(template);
    const bottom = m.typeTopPt + (m.lines - 1) * m.pitchPt + m.bodySizePt;
    const folioOf = (boxes: PdfBox[]) => boxes.filter((b) => b.kind === 'text' && b.y > bottom + 5).map((b) => b.text).join('').trim();
    const body = pages.map((p) => /^\d+$/.test(folioOf(p)));
    const fill = pages.map((boxes) => {
      const inArea = boxes.filter((b) => b.y > m.typeTopPt - 2 && (b.kind === 'image' ? b.y : b.y - b.size) < bottom + 2 && (b.kind === 'image' || b.y <= bottom + 1));
      const foot = Math.max(m.typeTopPt, ...inArea.map((b) => (b.kind === 'image' ? b.y + b.height : b.y)));
      return (foot - m.typeTopPt) / (bottom - m.typeTopPt);
    });
    const bodyPages = body.filter(Boolean).length;
    const underHalf = fill.flatMap((f, i) => (body[i] && body[i + 1] && f < 0.5 ? [i + 1] : []));
    expect(bodyPages).toBeGreaterThanOrEqual(4);
    expect(underHalf).toEqual([]);
  });

  test('R-COL-1: the page-wide photo (place="bottom") stands at a page foot, its caption within half a line under it on the last grid line, the columns over it even', () => {
    const counts = countMakeup(pages, measuresOf(template));
    expect(counts.wideFiguresAtFoot).toHaveLength(1);
    expect(counts.columnsUnbalancedOverFoot).toEqual([]);
    expect(counts.captionGapsWide).toEqual([]);
    // Its tables' headers are level across columns and its TOC reads in order.
    expect(counts.tableHeadsMisaligned).toEqual([]);
    expect(counts.tocBackwards).toEqual([]);
  });

  test('the footnote is at the foot of a column, in 小五 under its mark', () => {
    const notes = pages.flatMap((boxes, i) => boxes.filter((b) => b.kind === 'text' && b.text.startsWith('①') && Math.abs(b.size - template.caption.size_pt) < 0.05).map((b) => ({ page: i, y: b.y })));
    expect(notes.length).toBe(1);
    const m = measuresOf(template);
    expect(notes[0]!.y).toBeGreaterThan(m.typeTopPt + 0.8 * (m.lines * m.pitchPt));
  });
});
