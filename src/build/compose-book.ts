/**
 * The body's paragraphs as the layout set them (the book's own checks read
 * every line from here), and the composer's and layout's problems as
 * diagnostics on the manuscript files.
 */
import { bodyParagraph, chronicleParagraph, creditParagraph, entryParagraph, type Line, type ParagraphInput } from '../compose/index.ts';
import { report, type VFile } from '../diagnostics/index.ts';
import type { BuildProblem, PagedDocument } from '../layout/index.ts';
import { blockKey, type Book, walkBook } from '../model/index.ts';

/** A paragraph of the body: what the composer was given and the lines printed, in the template's measure. */
export interface SetParagraph {
  /** Its manuscript place, `path:line:column` (model's blockKey). */
  key: string;
  /** An entry's id: its anchor is on its first line. */
  entryId?: string;
  input: ParagraphInput;
  lines: Line[];
}

/** The paragraphs of the body in reading order, as composer inputs. */
function bodyParagraphs(book: Book): Array<Omit<SetParagraph, 'lines'>> {
  const out: Array<Omit<SetParagraph, 'lines'>> = [];
  walkBook(book, (node) => {
    const key = 'source' in node ? blockKey(node.source) : undefined;
    if (!key) return;
    switch (node.type) {
      case 'entry': out.push({ key, entryId: node.id, input: entryParagraph(node) }); break;
      case 'paragraph': out.push({ key, input: bodyParagraph(node) }); break;
      case 'chronicleItem': out.push({ key, input: chronicleParagraph(node) }); break;
      case 'credit': out.push({ key, input: creditParagraph(node) }); break;
    }
  });
  return out;
}

/**
 * Every body paragraph with the lines it was printed in, gathered from the
 * pages' text lines: what a build really set, not a composition of its own.
 * A paragraph that is printed nowhere (outside the body flow) is left out.
 */
export function setParagraphs(book: Book, paged: PagedDocument): SetParagraph[] {
  const printed = new Map<string, Line[]>();
  for (const page of paged.pages) {
    for (const l of page.textLines ?? []) {
      if (!l.composed) continue;
      const lines = printed.get(l.key) ?? [];
      printed.set(l.key, lines);
      lines[l.index] = l.composed;
    }
  }
  return bodyParagraphs(book).flatMap((p) => {
    const lines = printed.get(p.key);
    return lines ? [{ ...p, lines }] : [];
  });
}

const SHORT_CAUSE = { widow: '段末一行将单独转栏（孤行）', heading: '标题与其后两行排不下', block: '图表等整块排不下', credit: '供稿单位一行须与文末一两行同栏（R-YB-4）' } as const;

/** What of a table is too tall for the page, and what to do (table-row-too-tall). */
const TALL_TABLE_PART = {
  row: (lines: number) => ({ what: `表格的这一行（最高的一格排 ${lines} 行）`, fix: '把格中的长文字移到表后作为段落，或拆成几行' }),
  notes: (lines: number) => ({ what: `表格末行连同其下的表注（${lines} 行）`, fix: '缩短表注，或把长的说明移到表前作为段落' }),
  head: (lines: number) => ({ what: `表题（${lines} 行）连同表头`, fix: '缩短表题，把说明写成表前的段落' }),
} as const;

/** "第 159 页左栏": a page number as printed, and the column on two-column pages. */
function printedAt(p: BuildProblem): { printedAt: string } | Record<string, never> {
  if (!p.at) return {};
  const column = p.at.column === undefined ? '' : p.at.column === 0 ? '左栏' : p.at.column === 1 ? '右栏' : `第 ${p.at.column + 1} 栏`;
  return { printedAt: `第 ${p.at.folio} 页${column}` };
}

/** A quoted text in a message: enough to find it, not a screenful (a line can be thousands of characters long). */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 20).join('')}……${chars.slice(-12).join('')}（共 ${chars.length} 字）`;
}

function reportProblem(file: VFile, p: BuildProblem): void {
  const place = p.source?.position;
  const at = printedAt(p);
  switch (p.kind) {
    // A 1×1 placeholder has under 1 dpi: not "0 dpi".
    case 'image-low-resolution': report(file, place, 'image-low-resolution', { src: p.src, dpi: p.dpi >= 1 ? Math.round(p.dpi) : '不到 1', ...at }); break;
    case 'table-too-wide': report(file, place, 'table-too-wide', { columns: p.columns, ...at }); break;
    case 'table-rotated': report(file, place, 'table-rotated', { columns: p.columns, ...at }); break;
    case 'figure-too-tall': report(file, place, 'figure-too-tall', { lines: p.captionLines, ...at }); break;
    case 'gallery-title-too-long': report(file, place, 'gallery-title-too-long', { chars: p.chars }); break;
    case 'name-too-wide': report(file, place, 'name-too-wide', { name: excerpt(p.name) }); break;
    case 'table-row-too-tall': report(file, place, 'table-row-too-tall', { ...TALL_TABLE_PART[p.what](p.lines), ...at }); break;
    case 'heading-stranded': report(file, place, 'heading-stranded', at); break;
    case 'column-short': report(file, place, 'column-short', { lines: p.lines, cause: SHORT_CAUSE[p.cause], ...at }); break;
    case 'index-term-unplaced': report(file, place, 'index-term-unplaced', { term: p.term }); break;
    case 'index-reading-guess': report(file, place, 'index-reading-guess', { heading: p.heading, chars: p.chars, letter: p.letter }); break;
    case 'glyph-missing': {
      const code = `U+${p.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      report(file, p.point ?? place, 'glyph-missing', { char: p.char, code });
      break;
    }
    case 'line-overfull': report(file, place, 'line-overfull', { over: p.overPt.toFixed(2), text: excerpt(p.text), ...at }); break;
    case 'line-loose': report(file, place, 'line-loose', { spread: p.spreadEm.toFixed(2), text: excerpt(p.text), ...at }); break;
    case 'kinsoku-forced': report(file, place, 'kinsoku-forced', { text: excerpt(p.text), ...at }); break;
  }
}

export function reportProblems(problems: readonly BuildProblem[], files: readonly VFile[]): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const seen = new Set<string>();
  {
    for (const p of problems) {
      const file = p.source ? byPath.get(p.source.path) : undefined;
      if (!file) continue;
      const key = p.kind === 'glyph-missing' ? `${file.path}\u0000${p.char}` : '';
      if (key && seen.has(key)) continue;
      if (key) seen.add(key);
      reportProblem(file, p);
    }
  }
}
