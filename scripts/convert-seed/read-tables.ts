/**
 * The appendix tables. The print set most of them rotated, and the
 * extraction garbled many cells (digits read upside down, names as stray
 * glyphs). Cells are kept as extracted; a cell with characters that cannot
 * occur in it is marked 〔?〕 rather than guessed; headers are rebuilt from
 * the clean header the seed gives for the same kind of table.
 */
import type { Block } from './blocks.ts';
import { cleanParagraph } from './clean-text.ts';
import type { SeedLine } from './read-part.ts';

export const UNREADABLE = '〔？〕';

const SCHOOL_HEADER = ['序号', '校名', '书记', '校长', '教职工数', '年级数', '班级数', '学生数', '校址', '邮政编码', '电话号码'];
const KINDERGARTEN_HEADER = ['序号', '园名', '书记', '园长', '教职工数', '年级数', '班级数', '幼儿数', '园址', '邮政编码', '电话号码'];
/** The middle-school table lost its name column in extraction; its first three columns are names. */
const MIDDLE_SCHOOL_HEADER = ['书记', '校长', '（不清）', '教职工数', '年级数', '班级数', '学生数', '校址', '邮政编码', '电话号码'];

const HEADERS: Record<string, string[]> = {
  '2023年河西区中学名录': MIDDLE_SCHOOL_HEADER,
  '2023年河西区小学名录': SCHOOL_HEADER,
  '2023年河西区幼儿园名录': KINDERGARTEN_HEADER,
};

/** The 中职 table was extracted as one "field<TAB>value" line per column, bottom-up. */
const VERTICAL_ORDER = ['校名', '书记', '校长', '教职工数', '年级数', '班级数', '学生数', '校址', '邮政编码', '电话号码'];
const VERTICAL_ALIASES: Record<string, string> = { 校: '校名', 校木: '校长' };

const PLAUSIBLE_CELL = /^[\u3400-\u9fff\u3000-\u303f\uff00-\uffefA-Za-z0-9 .,:;()\-—～·、“”《》/×#＃]*$/u;

export function cleanCell(raw: string): string {
  const cell = raw.trim();
  if (cell === '') return '';
  if (!PLAUSIBLE_CELL.test(cell) || /^[_\-—]$/.test(cell)) return UNREADABLE;
  return cleanParagraph(cell).replace(/\|/g, '\\|');
}

function isHeaderRow(cells: string[]): boolean {
  const joined = cells.join('');
  return /书记|邮政编码|由B正|电\s*话|序号|联系电话/.test(joined) && !/\d{5}/.test(joined);
}

function fitRow(cells: string[], width: number): string[] {
  const row = cells.slice(0, width);
  while (row.length < width) row.push('');
  if (cells.length > width) row[width - 1] = [row[width - 1], ...cells.slice(width)].filter(Boolean).join(' ');
  return row;
}

function verticalTable(rows: string[][]): Block {
  const values = new Map<string, string>();
  for (const [key = '', value = ''] of rows) {
    const field = VERTICAL_ALIASES[key.trim()] ?? key.trim();
    if (VERTICAL_ORDER.includes(field)) values.set(field, cleanCell(value));
  }
  return { t: 'table', header: VERTICAL_ORDER, rows: [VERTICAL_ORDER.map((f) => values.get(f) ?? '')] };
}

function finishTable(title: string, rows: string[][]): Block[] {
  const flat = title.replace(/\s/g, '');
  if (flat === '2023年河西区中职院校名录') return [verticalTable(rows)];
  const [first = [], ...rest] = rows;
  const header = HEADERS[flat] ?? first.map((c) => cleanCell(c).replace(/\s/g, ''));
  const body = (HEADERS[flat] ? rows : rest).filter((r) => !isHeaderRow(r));
  const numbered = header[0] === '序号';
  const out = body.map((r, i) => {
    const row = fitRow(r.map(cleanCell), header.length);
    // The serial column is printed 1…N; the extraction mangled most of it.
    if (numbered && HEADERS[flat]) row[0] = String(i + 1);
    return row;
  });
  return [{ t: 'table', header, rows: out }];
}

function isGarbled(title: string): boolean {
  const flat = title.replace(/\s/g, '');
  return flat in HEADERS || flat === '2023年河西区中职院校名录';
}

/** A query to the editorial office (issue 23), never printed: the sample keeps it open, since the seed cannot answer it. */
export const TABLE_NOTE =
  ':::query{to="编辑部"}\n本表据原书PDF的提取文本整理。原表旋转排版，提取时部分单元格损坏，无法辨认者以〔？〕标出；数字与人名须对照原书核校。\n:::';

/** Reads the appendix: a title line, then tab-separated rows, per table. */
export function readTables(lines: SeedLine[]): Block[] {
  const blocks: Block[] = [];
  let title = '';
  let rows: string[][] = [];
  const flush = () => {
    if (!title) return;
    blocks.push({ t: 'h', level: 2, text: cleanParagraph(title).replace(/(?<=\d)年/, '年') });
    blocks.push(...finishTable(title, rows));
    if (isGarbled(title)) blocks.push({ t: 'p', raw: TABLE_NOTE });
  };
  for (const line of lines) {
    const isVerticalField = VERTICAL_ORDER.includes(VERTICAL_ALIASES[line.text.trim()] ?? line.text.trim());
    if (line.text.includes('\t') || isVerticalField || /^[İ_\s]*$/.test(line.text)) {
      const cells = line.text.split('\t');
      if (cells.some((c) => c.trim() !== '' && c.trim() !== 'İ')) rows.push(cells);
      continue;
    }
    flush();
    title = line.text;
    rows = [];
  }
  flush();
  return blocks;
}
