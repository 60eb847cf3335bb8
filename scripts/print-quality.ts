/**
 * Print-quality counts of a built PDF, read back with poppler's pdftotext
 * (-bbox): every line of every page, as a proofreader would check them
 * (issue 18). Used by test/e2e/print-quality.test.ts and `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { CLOSE, CONNECTOR, INTERPUNCT, OPEN, SOLIDUS, STOP_END, STOP_IN, wordBoundaries } from '../src/cjk/index.ts';
import type { Template } from '../src/config/index.ts';
import type { DisplayItem, GlyphItem, PagedDocument } from '../src/layout/index.ts';

interface Word { x: number; xMax: number; y: number; height: number; text: string }

/** A printed line: the words on one baseline of one column, left to right. */
export interface PrintedLine {
  page: number;
  x: number;
  y: number;
  /** Type size in pt, from the word box height (the fonts' ascent + descent is 1.437 em). */
  sizePt: number;
  words: Word[];
  text: string;
  /** x of the column's left edge (the leftmost line start in this column of the page). */
  columnLeft: number;
}

const BOX_PER_EM = 15.0885 / 10.5;
const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function wordsByPage(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]), y: Number(m[4]), xMax: Number(m[3]), height: Number(m[4]) - Number(m[2]), text: unescape(m[5]!),
    })),
  );
}

/** Words on one baseline, split where the space between two is wider than 1.5 em (a column gutter). */
function linesOfPage(words: Word[], page: number): PrintedLine[] {
  const rows = new Map<number, Word[]>();
  for (const w of words) {
    const key = Math.round(w.y * 2) / 2;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  const lines: PrintedLine[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    let current: Word[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const sizePt = Math.max(...current.map((w) => w.height)) / BOX_PER_EM;
      lines.push({ page, x: current[0]!.x, y: current[0]!.y, sizePt, words: current, text: current.map((w) => w.text).join(''), columnLeft: 0 });
      current = [];
    };
    for (const w of row) {
      const last = current.at(-1);
      if (last && w.x - last.xMax > 1.5 * (w.height / BOX_PER_EM)) flush();
      current.push(w);
    }
    flush();
  }
  lines.sort((a, b) => a.y - b.y || a.x - b.x);
  // The two columns of a body page: the left edge of each is where most body-size lines in it start
  // (a line that starts with a trimmed opening mark starts ½ em left of it).
  const body = lines.filter((l) => Math.abs(l.sizePt - 10.5) < 0.3);
  const first = Math.min(...body.map((l) => l.x));
  const leftEdge = modeOf(body.filter((l) => l.x < first + 100).map((l) => l.x)) ?? 0;
  const rightEdge = modeOf(body.filter((l) => l.x >= first + 100).map((l) => l.x)) ?? Infinity;
  for (const l of lines) l.columnLeft = l.x >= rightEdge - 20 ? rightEdge : leftEdge;
  return lines;
}

function modeOf(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x * 10) / 10, (counts.get(Math.round(x * 10) / 10) ?? 0) + 1);
  let best: number | undefined;
  for (const [x, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && x < best)) best = x;
  return best;
}

export function printedLines(pdf: string): PrintedLine[] {
  return wordsByPage(pdf).flatMap((words, i) => linesOfPage(words, i + 1));
}

const NO_START = new Set([...STOP_END, ...STOP_IN, ...CLOSE, ...CONNECTOR.replace('—', ''), ...INTERPUNCT, ...SOLIDUS, ...',.;:?!)']);
const NO_END = new Set([...OPEN]);

export interface PrintQuality {
  /** Lines with a gap between a hanzi and a digit, and those with one of ≥ 0.45 em. */
  linesWithDigits: number;
  wideDigitGapLines: number;
  wideDigitGapExamples: string[];
  /** ASCII , . ; : ? ! ( ) with a hanzi on each side. */
  asciiBetweenHanzi: string[];
  /** R-KIN-1/2 on printed lines. */
  kinsoku: string[];
  /** Entry heads (lines starting 【…】 at body size) and those not at 2 em from the column edge. */
  entryHeads: number;
  entryHeadsOff: string[];
  /** Headings and titles (larger than body) of two or more lines, and those whose turnover cuts a word. */
  multiLineHeadings: number;
  headingsCutInWords: string[];
  /** Entries' run-in heads 【…】 of more than a line (R-HEAD-4), and those turned over inside a word. */
  runInHeadsTurned: number;
  runInHeadsCutInWords: string[];
}

const GAP_LIMIT_EM = 0.45;

/** The line's text with a space wherever its words stand ⅕ em or more apart (a word space is ¼ em). */
function spaced(l: PrintedLine): string {
  return l.words.map((w, i) => (i > 0 && w.x - l.words[i - 1]!.xMax >= l.sizePt / 5 ? ` ${w.text}` : w.text)).join('');
}

function digitGaps(l: PrintedLine): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < l.words.length; i++) {
    const a = l.words[i - 1]!;
    const b = l.words[i]!;
    const last = a.text.at(-1);
    const first = b.text[0];
    const gap = (b.x - a.xMax) / l.sizePt;
    // A gap of about 1 em or more is a typed space or a tab stop (版本记录, running heads), not justification.
    if (((isHan(last) && isDigit(first)) || (isDigit(last) && isHan(first))) && gap < 0.95) gaps.push(gap);
  }
  return gaps;
}

/** Consecutive lines of one size above the body's, one under the other at heading leading: one heading each. */
function headingGroups(lines: PrintedLine[], bodySizePt: number): PrintedLine[][] {
  const groups: PrintedLine[][] = [];
  let current: PrintedLine[] = [];
  const byColumn = [...lines].sort((a, b) => a.page - b.page || a.columnLeft - b.columnLeft || a.y - b.y);
  for (const l of byColumn) {
    const prev = current.at(-1);
    const isHeading = l.sizePt > bodySizePt + 0.6;
    const continues = prev && isHeading && prev.page === l.page && Math.abs(prev.sizePt - l.sizePt) < 0.3
      && l.y - prev.y > 0 && l.y - prev.y < 1.7 * l.sizePt && Math.abs(prev.columnLeft - l.columnLeft) < 1;
    if (continues) current.push(l);
    else {
      if (current.length > 1) groups.push(current);
      current = isHeading ? [l] : [];
    }
  }
  if (current.length > 1) groups.push(current);
  return groups;
}

export function measurePrintQuality(lines: PrintedLine[], bodySizePt = 10.5): PrintQuality {
  const q: PrintQuality = {
    linesWithDigits: 0, wideDigitGapLines: 0, wideDigitGapExamples: [], asciiBetweenHanzi: [], kinsoku: [], entryHeads: 0,
    entryHeadsOff: [], multiLineHeadings: 0, headingsCutInWords: [], runInHeadsTurned: 0, runInHeadsCutInWords: [],
  };
  for (const l of lines) {
    // Hanzi–digit gaps of body lines (table cells and tab stops line up by columns, not by R-MIX-1).
    const gaps = Math.abs(l.sizePt - bodySizePt) < 0.3 ? digitGaps(l) : [];
    if (gaps.length > 0) q.linesWithDigits++;
    if (gaps.some((g) => g >= GAP_LIMIT_EM)) {
      q.wideDigitGapLines++;
      if (q.wideDigitGapExamples.length < 10) q.wideDigitGapExamples.push(`p${l.page} ${l.text}`);
    }
    for (const m of spaced(l).matchAll(/\p{Script=Han} ?[,.;:?!()]+ ?\p{Script=Han}/gu)) {
      // ISBD's " : " before the publisher in the CIP block ("郑州 : 中州古籍出版社", GB/T 12451) is not Chinese text.
      if (!/ : /.test(m[0])) q.asciiBetweenHanzi.push(`p${l.page} ${m[0]}`);
    }
    const atLineStart = l.x - l.columnLeft < 0.3 * l.sizePt;
    if (atLineStart && NO_START.has(l.text[0]!)) q.kinsoku.push(`p${l.page} starts: ${l.text}`);
    if (NO_END.has(l.text.at(-1)!)) q.kinsoku.push(`p${l.page} ends: ${l.text}`);
    if (/^【[^】]+】/.test(l.text) && Math.abs(l.sizePt - bodySizePt) < 0.3) {
      q.entryHeads++;
      const indentEm = (l.x - l.columnLeft) / bodySizePt;
      if (Math.abs(indentEm - 2) > 0.02) q.entryHeadsOff.push(`p${l.page} ${indentEm.toFixed(3)} em ${l.text.slice(0, 16)}`);
    }
  }
  runInHeads(lines, bodySizePt, q);
  for (const group of headingGroups(lines, bodySizePt)) {
    q.multiLineHeadings++;
    const texts = group.map((l) => l.text.replace(/[\s\u3000]/g, ''));
    const joined = texts.join('');
    const cuts = wordBoundaries(joined);
    let at = 0;
    for (const t of texts.slice(0, -1)) {
      at += t.length;
      if (!cuts.has(at)) q.headingsCutInWords.push(`p${group[0]!.page} ${texts.join(' / ')}`);
    }
  }
  return q;
}

/** Each run-in head that does not close on its line, read on with the lines after it (R-HEAD-3 keeps it in one column) to its 】: where it turned, word boundaries or not. */
function runInHeads(lines: readonly PrintedLine[], bodySizePt: number, q: PrintQuality): void {
  const flat = (t: string) => t.replace(/[\s\u3000]/g, '');
  lines.forEach((l, k) => {
    if (!/^【[^】]*$/.test(flat(l.text)) || Math.abs(l.sizePt - bodySizePt) >= 0.3) return;
    const parts = [flat(l.text)];
    for (let j = k + 1; j < lines.length && !parts.at(-1)!.includes('】') && parts.length < 4; j++) {
      const next = lines[j]!;
      if (next.page === l.page && next.columnLeft === l.columnLeft && next.y > l.y) parts.push(flat(next.text));
    }
    const head = parts.join('').slice(0, parts.join('').indexOf('】') + 1);
    if (!head) return;
    q.runInHeadsTurned++;
    const cuts = wordBoundaries(head);
    let at = 0;
    for (const t of parts.slice(0, -1)) {
      at += t.length;
      if (at < head.length && !cuts.has(at)) q.runInHeadsCutInWords.push(`p${l.page} ${head.slice(0, at)}|${head.slice(at)}`);
    }
  });
}

function glyphItems(items: readonly DisplayItem[]): GlyphItem[] {
  return items.flatMap((i) => (i.kind === 'glyphs' ? [i] : i.kind === 'group' ? glyphItems(i.items) : []));
}

/**
 * The digits of the tables as laid out for print (the glyph positions the
 * PDF draws; pdftotext gives words, not glyphs): body-page glyphs of the
 * Song at table size inside the type area (folios and running heads are
 * outside it, captions and notes are in 楷体).
 */
export function tableDigits(paged: PagedDocument, template: Template): Array<{ page: number; advanceEm: number; text: string }> {
  const top = template.page.top_mm * 72 / 25.4;
  const bottom = top + template.body.lines * template.body.line_pitch_pt;
  const size = template.table.size_pt;
  return paged.pages.flatMap((page, p) => (page.kind !== 'body' ? [] : glyphItems(page.items)
    .filter((item) => item.y > top && item.y < bottom)
    .flatMap((item) => item.glyphs.toArray()
      .filter((g) => /^[0-9]$/.test(g.text) && Math.abs(g.sizePt - size) < 1e-6 && g.fontKey.startsWith('NotoSerif'))
      .map((g) => ({ page: p + 1, advanceEm: g.advanceEm, text: g.text })))));
}

function ruleItems(items: readonly DisplayItem[]): Array<Extract<DisplayItem, { kind: 'rule' }>> {
  return items.flatMap((i) => (i.kind === 'rule' ? [i] : i.kind === 'group' ? ruleItems(i.items) : []));
}

/**
 * The room under each table piece on the body pages, in grid lines: from its
 * bottom rule to the top of the grid line where what comes under it starts
 * (text, or the next table's title half a line into its line). A piece starts
 * half a line under its first grid line, so half a line under it is the like
 * room (R-COL-1). Pieces with notes (注、资料来源) under them and pieces with
 * nothing under them on the page are left out. Each piece is told by its
 * outer rules (twice the inner width), top and bottom in turn down the page
 * within one x-span.
 */
export function tableRoomUnder(paged: PagedDocument, template: Template): Array<{ page: number; lines: number }> {
  const top = template.page.top_mm * 72 / 25.4;
  const pitch = template.body.line_pitch_pt;
  const outer = template.table.rule_width_pt * 2;
  const noteSize = template.caption.size_pt;
  const bottom = top + template.body.lines * pitch;
  return paged.pages.flatMap((page, p) => {
    if (page.kind !== 'body') return [];
    const rules = ruleItems(page.items).filter((r) => r.y1 === r.y2 && Math.abs(r.widthPt - outer) < 1e-6 && r.y1 > top);
    const glyphs = glyphItems(page.items).map((g) => ({ x: g.x, top: g.y - 0.88 * (g.glyphs.toArray()[0]?.sizePt ?? 0), size: g.glyphs.toArray()[0]?.sizePt ?? 0 }));
    const spans = new Map<string, number[]>();
    for (const r of rules) {
      const key = `${r.x1.toFixed(1)}:${r.x2.toFixed(1)}`;
      spans.set(key, [...(spans.get(key) ?? []), r.y1]);
    }
    return [...spans].flatMap(([span, ys]) => {
      const [x1, x2] = span.split(':').map(Number) as [number, number];
      const bottoms = [...new Set(ys.map((y) => y.toFixed(2)))].map(Number).sort((a, b) => a - b).filter((_, k) => k % 2 === 1);
      return bottoms.flatMap((y) => {
        const under = glyphs.filter((g) => g.top > y - 0.5 && g.top < bottom && g.x >= x1 - 1 && g.x < x2).sort((a, b) => a.top - b.top)[0];
        if (!under || (Math.abs(under.size - noteSize) < 1e-6 && under.top - y < pitch)) return [];
        const bandTop = top + Math.floor((under.top - top) / pitch + 1e-6) * pitch;
        return [{ page: p + 1, lines: (bandTop - y) / pitch }];
      });
    });
  });
}
