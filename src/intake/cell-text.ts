/**
 * What an .xlsx cell shows, as Excel shows it: a number in its number format
 * (numfmt, with ECMA-376's `!` escape turned into the `\` numfmt reads), a
 * formula's cached result, rich text, a link's text. A formula with no
 * cached result and an error value (#DIV/0!) are problems the editor must
 * see, never `[object Object]` in the book.
 */
import type ExcelJS from 'exceljs';
import { format as formatNumber } from 'numfmt';

export interface CellText {
  text: string;
  /** Why the text may not be what the sheet means, for a 请核对 note naming the cell. */
  problem?: string;
}

/**
 * A number format in the dialect numfmt reads. ECMA-376 §18.8.31 lets `!`
 * escape the next character as `\` does; numfmt knows only `\`, and printed
 * the common 万 format `0!.0,"万"` as 12345!.7万 where Excel shows 1234.6万.
 */
export function excelFormat(code: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\\' || ch === '!') && i + 1 < code.length) {
      out += `\\${code[++i]}`;
      continue;
    }
    out += ch;
  }
  return out;
}

function numberText(value: number | Date, numFmt: string): CellText {
  try {
    return { text: formatNumber(excelFormat(numFmt || 'General'), value) };
  } catch {
    const raw = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return { text: raw, problem: `数字格式“${numFmt}”无法识别，已写出原值 ${raw}。请按原表核对写法。` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

/** A formula's cached result, or a problem when the file has none (a workbook saved by a program that does not calculate). */
function formulaText(value: Record<string, unknown>, numFmt: string): CellText {
  const formula = String(value.formula ?? value.sharedFormula ?? '');
  const result = value.result;
  if (result === undefined || result === null || result === '') {
    return { text: '', problem: `公式 =${formula} 没有保存计算结果，这一格留空。请在 Excel 中打开重算后另存，或照原表填上数值。` };
  }
  const shown = valueText(result, numFmt);
  return shown.problem ? { text: shown.text, problem: `公式 =${formula} 的结果：${shown.problem}` } : shown;
}

function valueText(value: unknown, numFmt: string): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number' || value instanceof Date) return numberText(value, numFmt);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' }; // as Excel shows it
  if (!isObject(value)) return { text: String(value).trim() };
  if ('formula' in value || 'sharedFormula' in value) return formulaText(value, numFmt);
  if ('error' in value) return { text: String(value.error), problem: `单元格是错误值 ${String(value.error)}，已照原样写出。请核对原表的公式或数据。` };
  if (Array.isArray(value.richText)) return { text: (value.richText as { text: string }[]).map((r) => r.text).join('') };
  if ('text' in value) return valueText(value.text, numFmt);
  return { text: '', problem: '单元格的内容无法识别，这一格留空。请照原表核对。' };
}

/** What `cell` shows, and any problem with it. */
export function cellText(cell: ExcelJS.Cell): CellText {
  return valueText(cell.value, cell.numFmt);
}
