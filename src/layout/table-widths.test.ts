import { describe, expect, test } from 'vitest';
import { type ColumnFit, fittedWidths } from './table-widths.ts';

const EM = 9;
const PAD = 2;

/**
 * A table of cells made of pieces that do not break (a hanzi, a number),
 * set first-fit: a piece that does not fit what is left of the line starts
 * the next one.
 */
function tableOf(columns: string[][]): ColumnFit & { linesAt(widths: number[]): number[][] } {
  const pieces = (cell: string) => cell.match(/\d+|\S/gu)!.map((p) => (/\d/.test(p) ? p.length * EM / 2 : EM));
  const setCell = (cell: string, measure: number) => {
    const lines: number[] = [0];
    for (const w of pieces(cell)) {
      if (lines.at(-1)! > 0 && lines.at(-1)! + w > measure + 1e-9) lines.push(0);
      lines[lines.length - 1]! += w;
    }
    return lines;
  };
  const natural = columns.map((cells) => Math.max(...cells.map((c) => setCell(c, 1e6)[0]!)) + 2 * PAD);
  const set = (column: number, width: number) => {
    const cells = columns[column]!.map((c) => setCell(c, width - 2 * PAD));
    return { lines: cells.map((l) => l.length), widest: Math.max(...cells.flat()) + 2 * PAD };
  };
  return {
    natural, floor: columns.map((cells) => Math.max(2 * EM, ...cells.flatMap(pieces)) + 2 * PAD),
    short: columns.map((cells) => !cells.some((c) => /\p{Script=Han}{5}/u.test(c))),
    stepPt: EM / 4,
    oneLine: columns.map((cells) => cells.map((c) => setCell(c, 1e6)[0]! + 2 * PAD)),
    set,
    linesAt: (widths) => widths.map((w, c) => set(c, w).lines),
  };
}

const heightOf = (lines: number[][]) => lines[0]!.map((_, r) => Math.max(...lines.map((l) => l[r]!))).reduce((a, b) => a + b, 0);

describe('table columns fitted, not scaled (session 28)', () => {
  // A 幼儿园名录 in small: names, addresses, phone numbers with an extension.
  const table = tableOf([
    ['十四幼', '十六幼', '二幼', '八幼'],
    ['河西区南北大街北洋新里25号', '河西区黑牛城道浔江路16号', '河西区宁波道50号', '河西区利民道景福里28号增1号'],
    ['28324017', '23376615 转 8002', '83833708', '28333212'],
  ]);
  const total = table.natural.reduce((a, b) => a + b, 0) - 3 * EM;

  test('the phone column keeps its natural width and never turns over: the address column gives the room', () => {
    const widths = fittedWidths(table, total);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(widths[2]).toBeGreaterThanOrEqual(table.natural[2]! - 1e-6);
    expect(table.linesAt(widths)[2]).toEqual([1, 1, 1, 1]);
  });

  test('the table is no taller than with every column scaled by one factor, and no column is under its floor', () => {
    const factor = total / table.natural.reduce((a, b) => a + b, 0);
    const scaled = table.natural.map((w) => w * factor);
    const widths = fittedWidths(table, total);
    expect(heightOf(table.linesAt(widths))).toBeLessThanOrEqual(heightOf(table.linesAt(scaled)));
    // Scaled, the phone number turns over (the flaw of p. 304); fitted, only addresses do.
    expect(table.linesAt(scaled)[2]!.some((n) => n > 1)).toBe(true);
    widths.forEach((w, c) => expect(w).toBeGreaterThanOrEqual(table.floor[c]! - 1e-6));
  });

  test('width is taken where it costs the fewest lines: a quarter em too wide, only the longest address turns over', () => {
    const widths = fittedWidths(table, table.natural.reduce((a, b) => a + b, 0) - EM / 4);
    expect(table.linesAt(widths)).toEqual([[1, 1, 1, 1], [1, 1, 1, 2], [1, 1, 1, 1]]);
  });
});

describe('a cell of thousands of characters is not set at every width it could never have (bad-input corpus)', () => {
  // A 说明 column of 5,000 hanzi: 45,000 pt at its natural width, in a type area of 400 pt.
  const table = tableOf([['河西', '和平'], ['河'.repeat(5000), '一段说明']]);
  const total = 400;

  test('the cells are set a few hundred times, not once a quarter em from its natural width down', () => {
    let sets = 0;
    const counted: ColumnFit = { ...table, set: (c, w, rows) => (sets++, table.set(c, w, rows)) };
    const widths = fittedWidths(counted, total);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    expect(widths[0]).toBeGreaterThanOrEqual(table.natural[0]! - 1e-6);
    // Before: 5,363, the long column walked from 45,000 pt down (its one-line cells' widths, then steps of 2.25 pt).
    expect(sets).toBeLessThan(1000);
  });
});
