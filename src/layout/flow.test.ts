/**
 * The column flow on a small grid: 2 columns of 5 lines, atoms made by hand.
 */
import { describe, expect, test } from 'vitest';
import type { Atom } from './atoms.ts';
import { balanceLastPage, flowAtoms, type FlowPage } from './flow.ts';
import type { Geometry } from './geometry.ts';

const g = { columns: 2, linesPerColumn: 5 } as Geometry;
const atom = (name: string, lines = 1, extra: Partial<Atom> = {}): Atom => ({
  lines, keepWithNextLines: 0, isFloat: false, anchors: [name], draw: () => [], ...extra,
});
const paragraph = (name: string, count: number) =>
  Array.from({ length: count }, (_, index) => atom(`${name}${index + 1}`, 1, { paragraph: { index, count } }));
/** A paragraph of `count` lines that can also be set in each of `others` lines. */
function resettable(name: string, count: number, others: number[]): Atom[] {
  const relines = (n: number): Atom[] | undefined => (n === count || others.includes(n) ? make(n) : undefined);
  const make = (n: number) => Array.from({ length: n }, (_, index) => atom(`${name}${index + 1}`, 1, { paragraph: { index, count: n, relines } }));
  return make(count);
}
/** Each page as columns of `name@line`. */
const show = (pages: FlowPage[]) => pages.map((p) => p.columns.map((c) => c.map((x) => `${x.atom.anchors[0] ?? '-'}@${x.line}`).join(' ')));

describe('column flow', () => {
  test('lines fill a column, then the next, then a new page', () => {
    const pages = flowAtoms(paragraph('a', 12), g);
    expect(show(pages)).toEqual([['a1@0 a2@1 a3@2 a4@3 a5@4', 'a6@0 a7@1 a8@2 a9@3 a10@4'], ['a11@0 a12@1', '']]);
  });

  test('R-HEAD-3: a heading is not left at a column foot without two lines of what follows', () => {
    const pages = flowAtoms([...paragraph('a', 3), atom('H', 1, { keepWithNextLines: 2 }), ...paragraph('b', 4)], g);
    expect(show(pages)[0]![0]).toBe('a1@0 a2@1 a3@2');
    expect(show(pages)[0]![1]!.startsWith('H@0')).toBe(true);
  });

  test('R-COL-1: a paragraph’s first line may stand at a column foot (no Western orphan rule)', () => {
    const pages = flowAtoms([...paragraph('a', 4), ...paragraph('b', 3)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 a4@3 b1@4', 'b2@0 b3@1']);
  });

  test('R-PAR-4: no last line of a paragraph alone at a column head (widow); short column reported when nothing can be reset', () => {
    const pages = flowAtoms([...paragraph('a', 2), ...paragraph('b', 4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 b2@3', 'b3@0 b4@1']);
    expect(pages[0]!.short).toEqual([{ column: 0, lines: 1, cause: 'widow' }]);
  });

  test('R-PAR-4 with R-COL-1: an earlier paragraph set one line shorter (先挤) pulls the widow back, the column full', () => {
    const pages = flowAtoms([...resettable('a', 3, [2]), ...paragraph('b', 3)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 b2@3 b3@4', '']);
    expect(pages[0]!.short).toBeUndefined();
  });

  test('R-PAR-4 with R-COL-1: or one line longer (后推), so two lines go over together', () => {
    const pages = flowAtoms([...resettable('a', 2, [3]), ...paragraph('b', 4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 b1@3 b2@4', 'b3@0 b4@1']);
    expect(pages[0]!.short).toBeUndefined();
  });

  test('R-HEAD-3 with R-COL-1: a heading keeps two lines, and earlier text is set tighter or looser instead of leaving lines empty', () => {
    const heading = () => [atom('H', 1, { keepWithNextLines: 2 }), ...paragraph('c', 4)];
    expect(show(flowAtoms([...resettable('a', 3, [2]), ...heading()], g))[0]![0]).toBe('a1@0 a2@1 H@2 c1@3 c2@4');
    expect(show(flowAtoms([...resettable('a', 4, [5]), ...heading()], g))[0]).toEqual(['a1@0 a2@1 a3@2 a4@3 a5@4', 'H@0 c1@1 c2@2 c3@3 c4@4']);
    const unfixable = flowAtoms([...paragraph('a', 4), ...heading()], g);
    expect(show(unfixable)[0]![0]).toBe('a1@0 a2@1 a3@2 a4@3');
    expect(unfixable[0]!.short).toEqual([{ column: 0, lines: 1, cause: 'heading' }]);
  });

  test('R-HEAD-1 with R-COL-1: a heading set one grid line shorter (its space, not its text) fills the column', () => {
    const heading = (lines: number): Atom => atom('H', lines, { keepWithNextLines: 2, resize: (d) => (d === -1 && lines === 2 ? heading(1) : undefined) });
    const pages = flowAtoms([...paragraph('a', 2), heading(2), ...paragraph('c', 4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 H@2 c1@3 c2@4', 'c3@0 c4@1']);
    expect(pages[0]!.short).toBeUndefined();
  });

  test('R-COL-1: a paragraph on the page before is set a line shorter when nothing in the short column can give', () => {
    const pages = flowAtoms([...resettable('a', 4, [3]), ...paragraph('b', 6), ...paragraph('c', 3), atom('H', 1, { keepWithNextLines: 2 }), ...paragraph('d', 4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 b1@3 b2@4', 'b3@0 b4@1 b5@2 b6@3 c1@4']);
    expect(show(pages)[1]![0]).toBe('c2@0 c3@1 H@2 d1@3 d2@4');
    expect(pages.some((p) => p.short)).toBe(false);
  });

  test('a figure that does not fit floats to the next column; the text goes on around it', () => {
    const pages = flowAtoms([...paragraph('a', 3), atom('F', 3, { isFloat: true }), ...paragraph('b', 3)], g);
    // b2 would leave b3 alone at the head of the next column (R-PAR-4), so it goes over too.
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 b1@3', 'F@0 b2@3 b3@4']);
  });

  test('an atom taller than a column gets a column of its own, and the flow ends', () => {
    const pages = flowAtoms([...paragraph('a', 2), atom('F', 7, { isFloat: true }), atom('G', 6)], g);
    expect(show(pages)).toEqual([['a1@0 a2@1', 'F@0'], ['G@0', '']]); // the float takes the next column, in reading order
    expect(show(balanceLastPage(flowAtoms([atom('F', 4, { isFloat: true }), ...paragraph('a', 2)], g), g))).toEqual([['F@0', 'a1@0 a2@1']]);
  });

  test('place="top": a figure goes to the top of the next column even when it fits here', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => atom(`b${i + 1}`)); // no widow/orphan rules
    const pages = flowAtoms([...paragraph('a', 2), atom('T', 2, { isFloat: true, placement: 'top' }), ...lines(4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 b2@3 b3@4', 'T@0 b4@2']);
  });

  test('place="bottom": a figure stands at the foot of the column, the text runs above it', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => atom(`b${i + 1}`));
    const pages = flowAtoms([...paragraph('a', 2), atom('B', 2, { isFloat: true, placement: 'bottom' }), ...lines(3)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 B@3', 'b2@0 b3@1']);
  });

  test('a page-wide figure takes the top of the next page across both columns', () => {
    const pages = flowAtoms([...paragraph('a', 3), atom('W', 2, { isFloat: true, spansColumns: true }), ...paragraph('b', 9)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 b1@3 b2@4', 'b3@0 b4@1 b5@2 b6@3 b7@4']);
    expect(show(pages)[1]).toEqual(['W@0 b8@2 b9@3', '-@0']); // '-': the lines kept free under W
    expect(show(balanceLastPage(pages, g))[1]).toEqual(['W@0 b8@2 b9@3', '-@0']);
  });

  test('R-COL-1: a last page is balanced under the page-wide float at its top; a column table is shared between the columns (续表)', () => {
    const g10 = { columns: 2, linesPerColumn: 10 } as Geometry;
    const table = atom('T', 8, { isFloat: true, split: (lines) => (lines >= 3 && lines < 8 ? { first: atom('T1', lines), rest: atom('T2', 9 - lines) } : undefined) });
    const last: FlowPage = { columns: [[{ atom: atom('W', 2, { isFloat: true, spansColumns: true }), line: 0 }, { atom: table, line: 2 }], [{ atom: atom('-', 2, { spansColumns: true, anchors: [] }), line: 0 }]] };
    expect(show(balanceLastPage([last], g10))).toEqual([['W@0 T1@2', '-@0 T2@2']]);
  });

  test('R-COL-1: the last page is balanced, the last column the shorter', () => {
    const pages = balanceLastPage(flowAtoms(paragraph('a', 7), g), g);
    expect(show(pages)).toEqual([['a1@0 a2@1 a3@2 a4@3', 'a5@0 a6@1 a7@2']]);
  });

  test('R-COL-1: the last page with text in columns is balanced though a page-wide float too tall for it follows on a page of its own (附录: 市场监管所 | 公安)', () => {
    const pages = balanceLastPage(flowAtoms([...paragraph('a', 4), atom('W', 5, { isFloat: true, spansColumns: true })], g), g);
    expect(show(pages)).toEqual([['a1@0 a2@1', 'a3@0 a4@1'], ['W@0', '-@0']]);
  });

  test('R-COL-1 with R-HEAD-3: a last page whose right column would come out longer (the left ending short before a heading) ends level, a paragraph set a line looser (后推)', () => {
    const atoms = [...resettable('a', 3, [4]), atom('H', 1, { keepWithNextLines: 2 }), ...paragraph('b', 3)];
    // Balanced as it is, a1–a3 | H b1–b3: H and its two lines do not fit under a3.
    expect(show(balanceLastPage(flowAtoms(atoms, g), g))).toEqual([['a1@0 a2@1 a3@2 a4@3', 'H@0 b1@1 b2@2 b3@3']]);
  });

  test('R-COL-1 with R-HEAD-3: balancing never leaves a heading at the foot of a column, its text in the next', () => {
    // 3 lines of text, a 2-line heading, 1 line: the even split (3 | 3) would cut H from c1.
    const pages = balanceLastPage(flowAtoms([...paragraph('a', 3), atom('H', 2, { keepWithNextLines: 2 }), atom('c1')], g), g);
    expect(show(pages)).toEqual([['a1@0 a2@1 a3@2', 'H@0 c1@2']]);
    const alone = balanceLastPage(flowAtoms([atom('H', 3, { keepWithNextLines: 2 }), atom('c1')], g), g);
    expect(show(alone)).toEqual([['H@0 c1@3', '']]);
  });
});

describe('keeps', () => {
  test('R-YB-5: a credit line keeps with the text before it, ahead of a figure that stands between them in the manuscript', () => {
    const pages = flowAtoms([...paragraph('a', 2), atom('F', 2, { isFloat: true }), atom('C', 1, { keepWithPrevious: true }), atom('b1')], g);
    expect(show(pages)[0]![0]).toBe('a1@0 a2@1 C@2 F@3');
  });

  test('a forced break (另页起) starts a new page; at a page top it moves nothing', () => {
    const pages = flowAtoms([...paragraph('a', 2), atom('P', 1, { breakBefore: 'page' }), atom('b1')], g);
    expect(show(pages)).toEqual([['a1@0 a2@1', ''], ['P@0 b1@1', '']]);
    expect(show(flowAtoms([atom('P', 1, { breakBefore: 'page' }), atom('b1')], g))).toEqual([['P@0 b1@1', '']]);
  });
});

test('R-YB-5 with R-YB-4: a float waiting for a column top goes above the text whose credit line goes over with it', () => {
  const pages = flowAtoms([...paragraph('a', 4), atom('F', 2, { isFloat: true }), atom('a5'), atom('C', 1, { keepWithPrevious: true }), atom('b1')], g);
  expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 a4@3', 'F@0 a5@2 C@3 b1@4']);
});

describe('R-YB-4: a credit line never stands alone at a column top', () => {
  const credit = atom('C', 1, { keepWithPrevious: true });
  test('the last two lines of its text go over with it (no widow either, R-PAR-4); the short column is reported', () => {
    const pages = flowAtoms([...paragraph('a', 5), credit, atom('b1')], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2', 'a4@0 a5@1 C@2 b1@3']);
    expect(pages[0]!.short).toEqual([{ column: 0, lines: 2, cause: 'credit' }]);
  });

  test('R-COL-1: on a flow’s last page the columns stay balanced: the last line alone goes over with the credit', () => {
    const pages = balanceLastPage(flowAtoms([...paragraph('a', 3), credit], g), g);
    expect(show(pages)).toEqual([['a1@0 a2@1', 'a3@0 C@1']]);
  });

  test('R-COL-1: or an earlier paragraph is set a line shorter (先挤) and the credit ends the column', () => {
    const pages = flowAtoms([...resettable('a', 3, [2]), ...paragraph('b', 2), credit, atom('c1')], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 b2@3 C@4', 'c1@0']);
    expect(pages[0]!.short).toBeUndefined();
  });
});

describe('floats at the page foot and in reading order', () => {
  const lines = (name: string, n: number) => Array.from({ length: n }, (_, i) => atom(`${name}${i + 1}`)); // no widow rules
  const wide = (name: string, n: number, extra: Partial<Atom> = {}) => atom(name, n, { isFloat: true, spansColumns: true, ...extra });

  test('R-COL-1: a page-wide figure at place="bottom" takes the page foot across both columns, the columns full down to it', () => {
    const pages = flowAtoms([...lines('a', 2), wide('W', 2, { placement: 'bottom' }), ...lines('b', 6)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 b1@2 W@3', 'b2@0 b3@1 b4@2 -@3']);
    expect(show(pages)[1]).toEqual(['b5@0 b6@1', '']);
  });

  test('place="bottom" met where the page has no room left under its first column: the foot of the next page', () => {
    const pages = flowAtoms([...lines('a', 6), wide('W', 2, { placement: 'bottom' }), ...lines('b', 8)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 a4@3 a5@4', 'a6@0 b1@1 b2@2 b3@3 b4@4']);
    expect(show(pages)[1]).toEqual(['b5@0 b6@1 b7@2 W@3', 'b8@0 -@3']);
  });

  test('R-COL-1: on a flow’s last page the columns are balanced over a page-wide figure at the foot', () => {
    const pages = balanceLastPage(flowAtoms([wide('W', 2, { placement: 'bottom' }), ...lines('b', 4)], g), g);
    expect(show(pages)).toEqual([['b1@0 b2@1 W@3', 'b3@0 b4@1 -@3']]);
  });

  test('place="bottom" for a column figure that must wait: the foot of the next column, not its top', () => {
    const pages = flowAtoms([...lines('a', 4), atom('B', 2, { isFloat: true, placement: 'bottom' }), ...lines('b', 4)], g);
    expect(show(pages)[0]).toEqual(['a1@0 a2@1 a3@2 a4@3 b1@4', 'b2@0 b3@1 b4@2 B@3']);
  });

  test('R-YB-7: a page-wide table never goes ahead of a column table met before it, nor a column table ahead of an earlier page-wide one', () => {
    const g8 = { columns: 2, linesPerColumn: 8 } as Geometry;
    const table = atom('T', 7, { isFloat: true, split: (room) => (room >= 3 && room < 7 ? { first: atom('T1', room), rest: atom('T2', 8 - room) } : undefined) });
    // W waits for the next page's top; T, met after it, waits behind it and is shared under it (续表); V, met last, comes last.
    expect(show(flowAtoms([...lines('a', 6), wide('W', 4), table, wide('V', 2)], g8))).toEqual([['a1@0 a2@1 a3@2 a4@3 a5@4 a6@5', ''], ['W@0 T1@4', '-@0 T2@4'], ['V@0', '-@0']]);
  });

  test('R-COL-1: where the flow ends, a page-wide table waiting its turn goes under the columns, balanced over it, not onto a page of its own', () => {
    const g10 = { columns: 2, linesPerColumn: 10 } as Geometry;
    const pages = balanceLastPage(flowAtoms([...lines('a', 4), wide('W', 3)], g10), g10);
    expect(show(pages)).toEqual([['a1@0 a2@1 W@2', 'a3@0 a4@1 -@2']]);
  });

  test('a table waiting for a column top that the room left cannot hold whole: its first rows here, the rest in the next column, nothing lost at the flow’s end', () => {
    const g8 = { columns: 2, linesPerColumn: 8 } as Geometry;
    const table = atom('T', 7, { isFloat: true, split: (room) => (room >= 3 && room < 7 ? { first: atom('T1', room), rest: atom('T2', 8 - room) } : undefined) });
    expect(show(flowAtoms([wide('W', 4), ...lines('a', 2), table], g8))).toEqual([['W@0 a1@4 a2@5', '-@0 T1@4'], ['T2@0', '']]);
  });
});
