/**
 * How each column of a statistics table stands, in print and in the EPUB
 * alike: the manuscript's alignment (GFM `---:`, `:---:`, `:---`) where it
 * gives one; otherwise right where most of the column's filled cells are
 * numbers, left where most are text. A column reads as one: a 〔？〕 among
 * numbers stands where they do, a stray number among names where they do.
 */
import { inlineText, type StatTable } from '../model/index.ts';

export type ColumnAlign = 'left' | 'right' | 'center';

/** Digits and the marks that stand within numbers (3,046 · 12.5% · 2023-2024 · 9:00 · 5～8 · −3.25 · 3.4‰). */
const NUMBER = /^[\d.,%‰\-−+:～~ ]+$/;

/** Is a cell's text a number (a right-aligned column sets it on its decimal point)? */
export function isNumberText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && NUMBER.test(trimmed);
}

export function columnAligns(t: StatTable): ColumnAlign[] {
  return Array.from({ length: t.columns }, (_, c) => {
    const given = t.align[c];
    if (given) return given;
    const filled = t.rows.map((cells) => inlineText(cells[c] ?? []).trim()).filter((text) => text !== '');
    const numbers = filled.filter(isNumberText).length;
    return numbers > 0 && numbers * 2 >= filled.length ? 'right' : 'left';
  });
}
