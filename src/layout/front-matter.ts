/**
 * The first pages of the book (R-YB-1, R-CIP-1/2): the title page (书名页),
 * its verso the copyright page with the CIP block and the 版本记录, then
 * the committee and editorial-office pages.
 */
import { BODY, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { FontStyle } from '../font/index.ts';
import type { BookSettings } from '../config/index.ts';
import { imprintOf, spacedName } from '../derive/index.ts';
import { mmToPt } from '../units/index.ts';
import type { Atom } from './atoms.ts';
import { composeAt, type LayoutContext, plain, titleText } from './context.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { flowAtoms } from './flow.ts';
import { type Geometry, singleColumn } from './geometry.ts';
import type { DisplayItem } from './types.ts';

/** What the copyright page prints about the finished book: known once every page is laid out. */
export interface BookFacts {
  pages: number;
  wordsThousands: number;
}

function centred(ctx: LayoutContext, line: Line, isRecto: boolean, y: number): DisplayItem {
  const g = ctx.geometry;
  return { kind: 'glyphs', x: g.typeLeft(isRecto) + (g.typeWidthPt - line.widthPt) / 2, y, glyphs: line.glyphs };
}

/**
 * A label spread evenly (均排) over `em` character widths: its first and last
 * characters at the edges, the others at equal steps between, as the labels
 * of a 版本记录 or a committee list stand (出　版　社 and 开　　本 beside
 * 承印单位; 主　　任 and 副 主 任 beside 名誉主任). Spaces already in it are
 * dropped; a label as wide as `em` stands as it is.
 */
function spreadLabel(ctx: LayoutContext, label: string, style: FontStyle, size: number, em: number): (x: number, y: number) => DisplayItem[] {
  const glyphs = [...label.replace(/[\u3000 ]/g, '')].map((ch) => composeAt(ctx, plain(ch, style), size, 2 * size)[0]!.glyphs);
  const step = glyphs.length > 1 ? Math.max(1, (em - 1) / (glyphs.length - 1)) : 0;
  return (x, y) => glyphs.map((g, i) => ({ kind: 'glyphs', x: x + i * step * size, y, glyphs: g }));
}

/** A label's width in characters, spaces left out. */
const labelChars = (label: string) => [...label.replace(/[\u3000 ]/g, '')].length;

/** Lines centred one under another from baseline `y`, `pitch` apart; the baseline after the last. */
function centredLines(ctx: LayoutContext, lines: readonly Line[], isRecto: boolean, y: number, pitch: number): { items: DisplayItem[]; next: number } {
  return { items: lines.map((l, i) => centred(ctx, l, isRecto, y + i * pitch)), next: y + lines.length * pitch };
}

/**
 * 书名页: title, year, compiler, publisher, each at its place on the page. A
 * title or a name too long for one line turns over between words, every line
 * kept (a 16-character title lost its last two): what follows moves down.
 */
export function titlePageDraft(ctx: LayoutContext, s: BookSettings): PageDraft {
  const w = ctx.geometry.typeWidthPt;
  const title = composeAt(ctx, titleText(s.title, RUN_IN_HEAD), 36, w);
  const year = composeAt(ctx, plain(String(s.year), RUN_IN_HEAD), 28, w);
  const compiler = composeAt(ctx, titleText(`${s.compiler}\u3000编`, BODY), 16, w);
  const publisher = composeAt(ctx, titleText(s.publisher.name, RUN_IN_HEAD), 16, w);
  return {
    kind: 'title', startsRecto: true, hasFurniture: false, anchors: [], outline: [],
    draw: (isRecto) => {
      const t = centredLines(ctx, title, isRecto, mmToPt(80), 36 * 1.3);
      const y = centredLines(ctx, year, isRecto, Math.max(mmToPt(100), t.next - 36 * 1.3 + 28 * 1.8), 28);
      const c = centredLines(ctx, compiler, isRecto, Math.max(mmToPt(150), y.next + 16 * 2), 16 * 1.5);
      const p = centredLines(ctx, publisher, isRecto, Math.max(mmToPt(240) - (publisher.length - 1) * 16 * 1.5, c.next + 16 * 2), 16 * 1.5);
      return [...t.items, ...y.items, ...c.items, ...p.items];
    },
  };
}

/** R-CIP-5: every part starts 2 em in, level with the heading; its wrapped lines start 2 em further left. */
function cipLines(ctx: LayoutContext, text: string, size: number, width: number): Line[] {
  return composeAt(ctx, { runs: [{ kind: 'text', text, style: BODY }], indentEm: 2, align: 'start' }, size, width);
}

/** 版权页: the CIP block in the upper half, the 版本记录 in the lower (R-CIP-2). */
export function copyrightPageDraft(ctx: LayoutContext, s: BookSettings, facts: BookFacts): PageDraft {
  const g = ctx.geometry;
  const size = ctx.template.caption.size_pt;
  const pitch = size * 1.8;
  return {
    kind: 'copyright', startsRecto: false, hasFurniture: false, anchors: [], outline: [],
    draw(isRecto) {
      const imprint = imprintOf(s, facts.pages, facts.wordsThousands);
      const left = g.typeLeft(isRecto);
      const items: DisplayItem[] = [];
      let y = mmToPt(90);
      const put = (lines: Line[], x = left) => lines.forEach((l) => {
        items.push({ kind: 'glyphs', x, y, glyphs: l.glyphs });
        y += pitch;
      });
      put(composeAt(ctx, plain(imprint.cip.heading, RUN_IN_HEAD), size, g.typeWidthPt), left + 2 * size);
      for (const part of [imprint.cip.description, imprint.cip.classification, imprint.cip.record]) put(cipLines(ctx, part, size, g.typeWidthPt));
      y = mmToPt(170);
      const titleLine = `${s.title}（${s.year}）`;
      for (const t of [s.cip.parallel_title, titleLine].filter((x): x is string => Boolean(x))) {
        const lines = centredLines(ctx, composeAt(ctx, titleText(t, BODY), size, g.typeWidthPt), isRecto, y, pitch);
        items.push(...lines.items);
        y = lines.next;
      }
      y += pitch / 2;
      items.push({ kind: 'rule', x1: left, y1: y - pitch * 0.7, x2: left + g.typeWidthPt, y2: y - pitch * 0.7, widthPt: 0.5 });
      // 版本记录: labels flush left, spread to the widest, every value on one tab after them (issue 18).
      const record = imprint.record.map((line) => {
        // The label: a word (出版社), or two characters spaced apart (开　本), then the gap.
        const m = /^(\p{Script=Han}(?:\u3000+\p{Script=Han})|\p{Script=Han}{3,})\u3000/u.exec(line);
        return m ? { label: m[1]!, value: line.slice(m[0].length) } : { label: '', value: line };
      });
      const labelEm = Math.max(...record.map((r) => labelChars(r.label)));
      const tab = (labelEm + 1) * size;
      for (const { label, value } of record) {
        items.push(...spreadLabel(ctx, label, BODY, size, labelEm)(left, y));
        put(composeAt(ctx, plain(value, BODY), size, g.typeWidthPt - (label ? tab : 0)), left + (label ? tab : 0));
      }
      items.push({ kind: 'rule', x1: left, y1: y - pitch * 0.5, x2: left + g.typeWidthPt, y2: y - pitch * 0.5, widthPt: 0.5 });
      y += pitch * 0.5;
      put(composeAt(ctx, plain(imprint.notice, BODY), size, g.typeWidthPt));
      return items;
    },
  };
}

interface NameList {
  title: string;
  members: Array<{ role: string; names: string[]; note?: string }>;
}

/** A list title as a running head: without the book's title in 《》 before it (《…年鉴（2024）》编辑部 → 编辑部). */
function runningHeadOf(title: string): string {
  return title.replace(/^《[^》]*》/, '') || title;
}

/** 领导小组 and 编辑部: the title, each role as a run-in label, names in a grid (two-character names spaced to three); one row a line of the page make-up engine. */
export function committeeDrafts(ctx: LayoutContext, lists: readonly NameList[]): PageDraft[] {
  if (lists.length === 0) return [];
  const size = ctx.geometry.bodySizePt;
  const pitch = ctx.geometry.pitchPt * 1.25;
  const g = singleColumn({ ...ctx.geometry, pitchPt: pitch, linesPerColumn: Math.floor(ctx.geometry.typeHeightPt / pitch), baseline: (i) => ctx.geometry.typeTopPt + 0.88 * size + i * pitch });
  /** The list each row belongs to: a page's running head is the title of the list at its top (issue 18). */
  const listOf = new Map<Atom, string>();
  // Every role of every list spread to the widest (名誉主任), so that the lists on a page share one column of names.
  const roleEm = Math.max(3, ...lists.flatMap((list) => list.members.map((m) => labelChars(m.role))));
  const atoms = lists.flatMap((list) => {
    const rows = listRows(ctx, list, g, roleEm);
    for (const row of rows) listOf.set(row, list.title);
    return rows;
  });
  const first = runningHeadOf(lists[0]!.title);
  atoms[0] = { ...atoms[0]!, outline: { title: first, level: 0 } };
  listOf.set(atoms[0], lists[0]!.title);
  return flowAtoms(atoms, g).map((page, p) => {
    const top = page.columns[0]?.[0]?.atom;
    const head = runningHeadOf((top && listOf.get(top)) ?? lists[0]!.title);
    return flowPageDraft(ctx, page, head, { geometry: g, page: { kind: 'front', startsRecto: p === 0, hidesRunningHead: p === 0 } });
  });
}

/** A list's rows: a blank line, its title (kept with the blank line and the first role under it), a blank line, then each role's rows of names. */
function listRows(ctx: LayoutContext, list: NameList, g: Geometry, roleEm: number): Atom[] {
  const size = g.bodySizePt;
  // Each role spread over `roleEm`, its colon after it, the names from there on.
  const labelEm = roleEm + 1;
  const cellEm = 5;
  // At least one name a row, however wide a role (a row of none looped for ever).
  const perRow = Math.max(1, Math.floor((g.typeWidthPt - labelEm * size) / (cellEm * size)));
  const lineRow = (draw: (left: number, y: number, isRecto: boolean) => DisplayItem[], keepWithNextLines = 0): Atom => ({
    lines: 1, keepWithNextLines, isFloat: false, anchors: [],
    draw: ({ geometry, isRecto, line }) => draw(geometry.typeLeft(isRecto), geometry.baseline(line), isRecto),
  });
  const title = composeAt(ctx, plain(list.title, RUN_IN_HEAD), ctx.template.headings.chapter.size_pt, g.typeWidthPt);
  const rows: Atom[] = [lineRow(() => []), ...title.map((l) => lineRow((_left, y, isRecto) => [centred(ctx, l, isRecto, y)], 2)), lineRow(() => [], 1)];
  const colon = composeAt(ctx, plain('：', RUN_IN_HEAD), size, 2 * size)[0]!;
  const rowWidth = perRow * cellEm * size;
  for (const m of list.members) {
    const role = spreadLabel(ctx, m.role, RUN_IN_HEAD, size, roleEm);
    // Each row: lines at their cell (a note's lines first, on rows of their own), a name as wide as it needs cells.
    const chunks: Array<Array<{ line: Line; cell: number }>> = [];
    const note = m.note ? composeAt(ctx, plain(`（${m.note}）`, BODY), size, rowWidth) : [];
    for (const line of note) chunks.push([{ line, cell: 0 }]);
    let row: Array<{ line: Line; cell: number }> = [];
    let used = 0;
    for (const name of m.names) {
      // A name with a long note (穆生军（回族，自2023年11月22日起任职）) takes the cells it needs, a whole row at most; it was cut at one.
      for (const line of composeAt(ctx, plain(spacedName(name), BODY), size, rowWidth)) {
        const cells = Math.min(perRow, Math.max(1, Math.ceil((line.widthPt + size) / (cellEm * size))));
        if (used + cells > perRow && row.length > 0) {
          chunks.push(row);
          row = [];
          used = 0;
        }
        row.push({ line, cell: used });
        used += cells;
      }
    }
    if (row.length > 0 || chunks.length === 0) chunks.push(row);
    chunks.forEach((chunk, k) => rows.push(lineRow((left, y) => [
      ...(k === 0 ? [...role(left, y), { kind: 'glyphs' as const, x: left + roleEm * size, y, glyphs: colon.glyphs }] : []),
      ...chunk.map(({ line, cell }) => ({ kind: 'glyphs' as const, x: left + (labelEm + cell * cellEm) * size, y, glyphs: line.glyphs })),
    ])));
  }
  return rows;
}
