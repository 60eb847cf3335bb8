/**
 * The runt page (R-COL-1): a part's last page of a few lines is taken back
 * by setting paragraphs before it a line tighter (先挤后推), on a small grid
 * of 2 columns of 5 lines with atoms made by hand.
 */
import { describe, expect, test } from 'vitest';
import type { Atom } from './atoms.ts';
import { flowAtoms, type FlowPage } from './flow.ts';
import type { Geometry } from './geometry.ts';
import { withoutRuntPage } from './runt-page.ts';

const g = { columns: 2, linesPerColumn: 5 } as Geometry;
const atom = (name: string, extra: Partial<Atom> = {}): Atom => ({ lines: 1, keepWithNextLines: 0, isFloat: false, anchors: [name], draw: () => [], ...extra });
/** A paragraph of `count` lines that can also be set in each of `others` lines. */
function paragraph(name: string, count: number, others: number[] = []): Atom[] {
  const relines = (n: number): Atom[] | undefined => (n === count || others.includes(n) ? make(n) : undefined);
  const make = (n: number) => Array.from({ length: n }, (_, index) => atom(`${name}${index + 1}`, { paragraph: { index, count: n, relines } }));
  return make(count);
}
const show = (pages: FlowPage[]) => pages.map((p) => p.columns.map((c) => c.map((x) => x.atom.anchors[0]).join(' ')));
const shortColumns = (pages: FlowPage[]) => pages.flatMap((p) => p.short ?? []);

describe('runt page', () => {
  test('R-COL-1: a last page of two lines is taken back by two paragraphs set a line tighter', () => {
    const atoms = [...paragraph('a', 5), ...paragraph('b', 5), ...paragraph('c', 5, [4]), ...paragraph('d', 5, [4]), ...paragraph('e', 2)];
    const pages = flowAtoms(atoms, g);
    expect(pages).toHaveLength(3);
    const kept = withoutRuntPage(atoms, pages, g);
    expect(show(kept)).toEqual([['a1 a2 a3 a4 a5', 'b1 b2 b3 b4 b5'], ['c1 c2 c3 c4 d1', 'd2 d3 d4 e1 e2']]);
  });

  test('R-COL-1: a short column earlier in the part that no setting can fill does not keep the runt page', () => {
    // b's last line would stand alone at the head of column 2 (R-PAR-4): column 1 ends a line short, and a, b cannot be set otherwise.
    const atoms = [...paragraph('a', 2), ...paragraph('b', 4), ...paragraph('c', 3), ...paragraph('d', 5, [4]), ...paragraph('e', 5, [4]), ...paragraph('f', 2)];
    const pages = flowAtoms(atoms, g);
    expect(pages).toHaveLength(3);
    expect(shortColumns(pages)).toEqual([{ column: 0, lines: 1, cause: 'widow' }]);
    const kept = withoutRuntPage(atoms, pages, g);
    expect(show(kept)).toEqual([['a1 a2 b1 b2', 'b3 b4 c1 c2 c3'], ['d1 d2 d3 d4 e1', 'e2 e3 e4 f1 f2']]);
    expect(shortColumns(kept)).toEqual(shortColumns(pages));
  });

  test('R-COL-1: the runt page stays when no paragraph before it can be set a line tighter', () => {
    const atoms = [...paragraph('a', 5), ...paragraph('b', 5), ...paragraph('c', 5), ...paragraph('d', 5), ...paragraph('e', 2)];
    const pages = flowAtoms(atoms, g);
    expect(show(pages).at(-1)).toEqual(['e1 e2', '']);
    expect(withoutRuntPage(atoms, pages, g)).toBe(pages);
  });
});
