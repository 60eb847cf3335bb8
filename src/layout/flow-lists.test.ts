/**
 * The engine's items that lists (目录, 索引) and front matter use: discardable
 * space before a group, a title as a page-wide band over the columns, keep
 * rules, and the balanced last page (R-COL-1), on 2 columns of 5 lines.
 */
import { describe, expect, test } from 'vitest';
import { type Atom, spaceAtom } from './atoms.ts';
import { balanceLastPage, flowAtoms, type FlowPage } from './flow.ts';
import type { Geometry } from './geometry.ts';

const g = { columns: 2, linesPerColumn: 5 } as Geometry;
const atom = (name: string, lines = 1, extra: Partial<Atom> = {}): Atom => ({
  lines, keepWithNextLines: 0, isFloat: false, anchors: [name], draw: () => [], ...extra,
});
const items = (name: string, count: number) => Array.from({ length: count }, (_, i) => atom(`${name}${i + 1}`));
/** Each page as columns of `name@line`; spaces show as `_`, the lines kept free under a band as `-`. */
const show = (pages: FlowPage[]) => pages.map((p) => p.columns.map((c) => c.map((x) => `${x.atom.anchors[0] ?? (x.atom.discardable ? '_' : '-')}@${x.line}`).join(' ')));

describe('page make-up engine: list items', () => {
  test('a space before a group stays in mid-column', () => {
    expect(show(flowAtoms([atom('a'), spaceAtom(1), atom('b')], g))).toEqual([['a@0 _@1 b@2', '']]);
  });

  test('a space that would open a column is dropped, and a heading keeps its first item with it', () => {
    const pages = flowAtoms([...items('a', 3), spaceAtom(1), atom('H', 1, { keepWithNextLines: 1 }), atom('b', 2)], g);
    expect(show(pages)).toEqual([['a1@0 a2@1 a3@2 _@3', 'H@0 b@1']]);
  });

  test('a title is a page-wide band: a space under it is dropped, the other column starts below it', () => {
    const title = atom('T', 2, { spansColumns: true });
    const pages = flowAtoms([title, spaceAtom(1), ...items('x', 5)], g);
    expect(show(pages)).toEqual([['T@0 x1@2 x2@3 x3@4', '-@0 x4@2 x5@3']]);
  });

  test('R-COL-1: the last page is balanced under its title band, the right column at most one line shorter', () => {
    const title = atom('T', 2, { spansColumns: true });
    const pages = balanceLastPage(flowAtoms([title, ...items('x', 4)], g), g);
    expect(show(pages)).toEqual([['T@0 x1@2 x2@3', '-@0 x3@2 x4@3']]);
  });

  test('R-COL-1: a balanced last page keeps a heading with its item and drops the space at its right column head', () => {
    const atoms = [...items('a', 10), ...items('b', 4), spaceAtom(1), atom('H', 1, { keepWithNextLines: 1 }), ...items('c', 2)];
    const flowed = flowAtoms(atoms, g);
    expect(show(flowed)[1]).toEqual(['b1@0 b2@1 b3@2 b4@3 _@4', 'H@0 c1@1 c2@2']);
    const pages = balanceLastPage(flowed, g);
    expect(show(pages)[1]).toEqual(['b1@0 b2@1 b3@2 b4@3', 'H@0 c1@1 c2@2']);
  });
});
