/**
 * The copyright page (版本记录页) as text: the CIP block as issued (R-CIP-3)
 * and the 版本记录 lines (R-CIP-7..9), with 印张 from the page count
 * (R-CIP-10) and 字数 from the layout capacity (R-CIP-11).
 */
import type { BookSettings } from '../config/index.ts';

/** R-CIP-10: 印张 = pages ÷ 开数, two decimals with trailing zeros dropped (24.25, 16, 37.5). */
export function printedSheets(pages: number, fold: number): string {
  return String(Math.round((pages / fold) * 100) / 100);
}

/** Pages of a book block come in fours: the last sheet is filled with blank pages (R-CIP-10). */
export function pagesInSheets(pages: number): number {
  return Math.ceil(pages / 4) * 4;
}

/** How much of a full page a page of each kind counts for in 字数 (R-CIP-11 e, f). */
export const CAPACITY_SHARE: Record<string, number> = {
  title: 0.5, copyright: 1, gallery: 0.5, blank: 0, front: 1, toc: 1, body: 1, 'part-opener': 1,
};

export interface PageCapacity {
  kind: string;
  /** Characters a full page of this layout holds (characters per line × lines, heads and folios counted). */
  chars: number;
}

/** R-CIP-11: 字数 in 千字, the layout capacity of every page, rounded. */
export function wordCountThousands(pages: readonly PageCapacity[]): number {
  const total = pages.reduce((n, p) => n + p.chars * (CAPACITY_SHARE[p.kind] ?? 1), 0);
  return Math.round(total / 1000);
}

/** The stated 字数 is more than 5 % off the computed one. */
export function isWordCountOff(stated: string | undefined, computedThousands: number): boolean {
  const n = stated ? Number(/\d+/.exec(stated)?.[0]) : NaN;
  return Number.isFinite(n) && Math.abs(n - computedThousands) / computedThousands > 0.05;
}

/** A two-character label spaced to the look of the sample: 开　本, 印　张. */
export function spacedLabel(label: string): string {
  return [...label].length === 2 ? [...label].join('\u3000') : label;
}

/** A two-character name spaced to the width of three: 刘　琳. */
export function spacedName(name: string): string {
  return [...name].length === 2 && /^[\u4e00-\u9fff]{2}$/.test(name) ? [...name].join('\u3000') : name;
}

/** 2024-11 → 2024年11月 (R-CIP-9). */
function yearMonth(ym: string): string {
  const [y, m] = ym.split('-');
  return `${y}年${Number(m)}月`;
}

export interface Imprint {
  /** The four parts of the CIP block, printed verbatim (R-CIP-3). */
  cip: { heading: string; description: string; classification: string; record: string };
  /** The 版本记录 lines, top to bottom (R-CIP-7/8). */
  record: string[];
  notice: string;
}

/** The copyright page text for a book of `pages` pages and `words` 千字 (unless book.yaml states it). */
export function imprintOf(s: BookSettings, pages: number, wordsThousands: number): Imprint {
  const gap = '\u3000';
  const p = s.publisher;
  const e = s.editors;
  const editors = [`责任编辑${gap}${spacedName(e.responsible)}`, `责任校对${gap}${spacedName(e.proofreader)}`, ...(e.art ? [`美术编辑${gap}${spacedName(e.art)}`] : [])];
  return {
    cip: {
      heading: '图书在版编目（CIP）数据',
      description: s.cip.description,
      classification: s.cip.classification,
      record: `中国国家版本馆CIP数据核字第${s.cip.record_number}号`,
    },
    record: [
      editors.join(gap + gap),
      `出版社${gap}${p.name}（地址：${p.address}${gap}邮编：${p.postcode}${gap}电话：${p.phone}）`,
      `承印单位${gap}${s.printer}`,
      `${spacedLabel('开本')}${gap}${s.format.paper}${gap}1/${s.format.fold}`,
      `${spacedLabel('印张')}${gap}${printedSheets(pages, s.format.fold)}${gap}${gap}${spacedLabel('字数')}${gap}${s.word_count ?? `${wordsThousands} 千字`}`,
      `${spacedLabel('版次')}${gap}${yearMonth(s.edition.date)}第${s.edition.number}版`,
      `${spacedLabel('印次')}${gap}${yearMonth(s.printing.date)}第${s.printing.number}次印刷`,
      `${spacedLabel('定价')}${gap}${s.price}`,
    ],
    notice: '本书如有印装质量问题，请联系出版社调换。',
  };
}
