/**
 * Text tables → one table: a .csv as Excel saves it in China (UTF-8 with
 * or without BOM, else GB18030), Excel's "Unicode text" (UTF-16 with BOM,
 * tab-separated, .txt), a .tsv, and a European Excel's CSV (semicolons, with
 * decimal commas). The delimiter is the one the header line uses most,
 * outside quotes. A file csv-parse cannot read is an error note at the line
 * where it went wrong, never a thrown English message.
 */
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { withoutInvisible } from '../cjk/index.ts';
import { DAMAGED_SHARE, damagedMessage, strangeShare } from './damaged.ts';
import { NoteList } from './notes.ts';
import { columnName, gridTable, type SheetGrid } from './sheet.ts';
import type { Submission } from './submission.ts';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** UTF-16 without a BOM: most of the first bytes' high halves are zero (the text is ASCII or digits), on the even or the odd side. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > n / 4 && even < n / 40) return 'utf-16le';
  if (even > n / 4 && odd < n / 40) return 'utf-16be';
  return undefined;
}

/** The file's text: by its BOM (UTF-8, UTF-16LE/BE), as UTF-16 when it plainly is, as UTF-8 when valid, else GB18030. */
export function decodeText(bytes: Uint8Array, notes: NoteList): string {
  const buffer = Buffer.from(bytes);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return buffer.subarray(3).toString('utf8');
  if (startsWith(bytes, [0xff, 0xfe])) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(buffer.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    notes.info('encoding', '', `文件没有字节顺序标记，看来是 ${utf16.toUpperCase()}，已按它读取。请核对是否有乱码。`);
    return iconv.decode(buffer, utf16);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notes.info('encoding', '', 'CSV 文件不是 UTF-8，已按 GB18030（GBK）读取。请核对是否有乱码。');
    return iconv.decode(buffer, 'gb18030');
  }
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_NAME: Record<Delimiter, string> = { ',': '逗号', ';': '分号', '\t': '制表符' };

/**
 * Walks `text` as CSV reads it: a quote opens a quoted field only at the
 * start of a field (after a line end or one of `separators`), and inside one
 * a doubled quote is a quote. `onChar` sees every character outside quotes;
 * returns the line (from 1) of a quoted field that is never closed.
 */
function walkFields(text: string, separators: string, onChar: (ch: string, line: number) => boolean | void): number | undefined {
  let line = 1;
  let quotedSince: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (quotedSince !== undefined) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') quotedSince = undefined;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quotedSince = line;
      continue;
    }
    if (onChar(ch, line) === false) break;
    fieldStart = ch === '\n' || ch === '\r' || separators.includes(ch);
  }
  return quotedSince;
}

/** The delimiter the header line (the first that is not empty) uses most outside quotes; a comma when it uses none. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>();
  let header: number | undefined;
  walkFields(text, DELIMITERS.join(''), (ch, line) => {
    if (header === undefined && ch.trim() !== '') header = line;
    if (header !== undefined && line > header) return false;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  });
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** The records, or an error note at the line csv-parse stopped at. */
function readRecords(text: string, delimiter: Delimiter, notes: NoteList): string[][] | undefined {
  const open = walkFields(text, delimiter, () => {});
  if (open !== undefined) {
    notes.error('csv-quote', { line: open }, `第 ${open} 行的引号（"）没有配对的后引号，其后各行都会并进这一格，未导入。请在表格软件中打开核对这一行，补上或删去引号后另存为 CSV。`);
    return undefined;
  }
  try {
    return parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as { lines?: number }).lines ?? 0) : 0;
    notes.error('csv-syntax', line ? { line } : '', `CSV 格式有误，读到${line ? `第 ${line} 行` : '中途'}时无法再读下去，未导入。请在表格软件中打开核对这一行，再另存为 CSV（逗号分隔，UTF-8）。`);
    return undefined;
  }
}

/** The text without control characters, told once: they are no content and must not reach the manuscript. */
function dropControls(text: string, notes: NoteList): string {
  const kept = withoutInvisible(text);
  if (kept.removed > 0) notes.warn('control-characters', '', `删去了 ${kept.removed} 个不可见的控制字符。请核对内容是否完整。`);
  return kept.text;
}

const failed = (source: string, notes: NoteList): Submission => ({ source, partTitle: undefined, content: [], photos: [], notes: notes.notes });

/** A .csv, .tsv or .txt table → a submission of one table; a .txt (`tabsOnly`) must be tab-separated, as Excel saves one. */
export function importCsv(bytes: Uint8Array, source: string, stem: string, tabsOnly = false): Submission {
  const notes = new NoteList(source);
  const decoded = decodeText(bytes, notes);
  const share = strangeShare(decoded);
  if (decoded.length > 0 && share > DAMAGED_SHARE) {
    notes.error('corrupt', '', damagedMessage(share, '文件'));
    return failed(source, notes);
  }
  const text = dropControls(decoded, notes);
  const delimiter = detectDelimiter(text);
  if (tabsOnly && delimiter !== '\t') {
    notes.error('not-table', '', '这个 .txt 文件不是以制表符分隔的表格（Excel“另存为 Unicode 文本”的样子），未导入。统计表请交 .xlsx 或 .csv，文字稿请交 .docx。');
    return failed(source, notes);
  }
  if (delimiter !== ',') notes.info('csv-delimiter', '', `按表头一行，以${DELIMITER_NAME[delimiter]}分隔各栏。`);
  const records = readRecords(text, delimiter, notes);
  if (!records) return failed(source, notes);
  const grid: SheetGrid = { name: stem, cells: records, merges: [], place: (r, c) => `${columnName(c)}${r + 1}` };
  const content = gridTable(grid, notes);
  if (content.length === 0) notes.error('empty', '', '文件中没有数据，未导入。');
  return { source, partTitle: undefined, content, photos: [], notes: notes.notes };
}
