/**
 * Footnotes in the column flow (issue 17), on a small grid: 2 columns of 10
 * lines at a 16 pt pitch, notes of 9 pt lines at 12.6 pt leading. A note
 * stands at the foot of the column its mark's line is in; a column's notes
 * make one block under one rule; the text above them fills the column (R-COL-1).
 */
import { describe, expect, test } from 'vitest';
import type { Line } from '../compose/index.ts';
import type { Atom } from './atoms.ts';
import { flowAtoms, type FlowPage } from './flow.ts';
import { attachNotes, noteAreaLines } from './footnotes.ts';
import type { Geometry } from './geometry.ts';

const g = { columns: 2, linesPerColumn: 10, pitchPt: 16 } as Geometry;
const line = (name: string, index: number, count: number): Atom => ({
  lines: 1, keepWithNextLines: 0, isFloat: false, anchors: [name], paragraph: { index, count }, draw: () => [],
});
const paragraph = (name: string, count: number) => Array.from({ length: count }, (_, i) => line(`${name}${i + 1}`, i, count));
/** A note of `count` text lines; its mark is on the line named `on`. */
const note = (name: string, count: number): Atom => {
  const atom: Atom = {
    lines: 0, keepWithNextLines: 0, isFloat: true, placement: 'bottom', anchors: [name], draw: () => [],
    footnote: { lines: Array.from({ length: count }, () => ({}) as Line), sizePt: 9, leadPt: 12.6 },
  };
  return { ...atom, lines: noteAreaLines(g, [atom]) };
};
/** Each column as `name@line`, a note block as `[names:text lines]`. */
const show = (pages: FlowPage[]) => pages.map((p) => p.columns.map((c) => c.map((x) => (x.atom.footnote
  ? `[${x.atom.anchors.join(',')}:${x.atom.footnote.lines.length}]@${x.line}` : `${x.atom.anchors[0]}@${x.line}`)).join(' ')));

describe('footnotes in the column flow', () => {
  test('grid lines of a note block: one 9 pt line under the rule takes one 16 pt line; each further line 12.6 pt more', () => {
    expect([1, 2, 3, 4, 5].map((n) => noteAreaLines(g, [note('n', n)]))).toEqual([1, 2, 3, 4, 5]);
    expect(noteAreaLines(g, [note('a', 1), note('b', 1)])).toBe(2);
  });

  test('a note goes to the column of its mark’s line, not of its paragraph’s end; the text fills the column down to it', () => {
    const atoms = attachNotes(paragraph('p', 14), new Map([['p3', note('n1', 2)]]));
    const [page] = show(flowAtoms(atoms, g));
    expect(page).toEqual(['p1@0 p2@1 p3@2 p4@3 p5@4 p6@5 p7@6 p8@7 [n1:2]@8', 'p9@0 p10@1 p11@2 p12@3 p13@4 p14@5']);
  });

  test('two notes in one column share one block (one rule), in order', () => {
    const atoms = attachNotes(paragraph('p', 14), new Map([['p2', note('n1', 1)], ['p5', note('n2', 1)]]));
    const [page] = show(flowAtoms(atoms, g));
    expect(page![0]).toBe('p1@0 p2@1 p3@2 p4@3 p5@4 p6@5 p7@6 p8@7 [n1,n2:2]@8');
  });

  test('a note too long for the room left: its first lines here, the rest at the next column’s foot, ahead of the next note', () => {
    const atoms = attachNotes(paragraph('p', 20), new Map([['p6', note('n1', 8)], ['p12', note('n2', 1)]]));
    const pages = flowAtoms(atoms, g);
    // Six lines of text, then four 9 pt lines of n1 in four grid lines (five would take five); its other four lines at the next foot.
    expect(show(pages)[0]).toEqual(['p1@0 p2@1 p3@2 p4@3 p5@4 p6@5 [n1:4]@6', 'p7@0 p8@1 p9@2 p10@3 p11@4 [:4]@6']);
    // n2 could not begin under n1's rest: its line p12 goes on to the next column with it, the short column a finding (R-COL-1).
    expect(show(pages)[1]).toEqual(['p12@0 p13@1 p14@2 p15@3 p16@4 p17@5 p18@6 p19@7 p20@8 [n2:1]@9', '']);
    expect(pages[0]!.short).toEqual([{ column: 1, lines: 1, cause: 'block' }]);
  });

  test('a line whose note cannot begin at this foot goes on to the next column with it', () => {
    const atoms = attachNotes(paragraph('p', 14), new Map([['p10', note('n1', 1)]]));
    const pages = flowAtoms(atoms, g);
    const [page] = show(pages);
    expect(page![0]).toBe('p1@0 p2@1 p3@2 p4@3 p5@4 p6@5 p7@6 p8@7 p9@8');
    expect(page![1]).toBe('p10@0 p11@1 p12@2 p13@3 p14@4 [n1:1]@9');
    expect(pages[0]!.short).toEqual([{ column: 0, lines: 1, cause: 'block' }]);
  });
});
