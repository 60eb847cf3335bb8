import { expect, test } from 'vitest';
import type { Inline, StatTable } from '../model/index.ts';
import { columnAligns, isNumberText } from './index.ts';

const text = (value: string): Inline[] => (value ? [{ type: 'text', value } as Inline] : []);

function tableOf(align: StatTable['align'], rows: string[][]): StatTable {
  return {
    type: 'table', id: 't', align, columns: align.length, headRows: 1, head: [], rows: rows.map((r) => r.map(text)),
    source: { path: 'a.md', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
  } as StatTable;
}

test('a column stands one way: the manuscript’s alignment, else its filled cells’ majority (numbers right, text left)', () => {
  const t = tableOf([null, null, null, 'center', 'left'], [
    ['3,046', '张庆起', '', '1', '2'],
    ['〔？〕', '94', '', '2', '3'],
    ['12.5%', '李红阳', '', '3', '4'],
  ]);
  expect(columnAligns(t)).toEqual(['right', 'left', 'left', 'center', 'left']);
});

test('a number cell: digits and the marks within numbers, not blank, not a 〔？〕', () => {
  expect(['3,046', ' 12.5% ', '2023-2024', '9:00', '5～8'].every(isNumberText)).toBe(true);
  expect(['', '  ', '〔？〕', '12个', '暂无'].some(isNumberText)).toBe(false);
});
