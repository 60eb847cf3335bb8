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

/**
 * A two-character name spaced to the width of three: 刘　琳, also with a note
 * after it (李　奇（女）), so that in a list of names the notes line up as the
 * names do (R-PAR-5: names 均排).
 */
export function spacedName(name: string): string {
  const m = /^([\u4e00-\u9fff])([\u4e00-\u9fff])((?:（[^（）]*）)*)$/.exec(name);
  return m ? `${m[1]}\u3000${m[2]}${m[3]}` : name;
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

const GAP = '\u3000';

function editorsLine(s: BookSettings): string {
  const e = s.editors;
  return [`责任编辑${GAP}${spacedName(e.responsible)}`, `责任校对${GAP}${spacedName(e.proofreader)}`, ...(e.art ? [`美术编辑${GAP}${spacedName(e.art)}`] : [])].join(GAP + GAP);
}

function publisherLine(s: BookSettings): string {
  const p = s.publisher;
  return `出版社${GAP}${p.name}（地址：${p.address}${GAP}邮编：${p.postcode}${GAP}电话：${p.phone}）`;
}

const cipOf = (s: BookSettings): Imprint['cip'] => ({
  heading: '图书在版编目（CIP）数据',
  description: s.cip.description,
  classification: s.cip.classification,
  record: `中国国家版本馆CIP数据核字第${s.cip.record_number}号`,
});

const wordsLine = (s: BookSettings, wordsThousands: number) => `${spacedLabel('字数')}${GAP}${s.word_count ?? `${wordsThousands} 千字`}`;
const editionLine = (s: BookSettings) => `${spacedLabel('版次')}${GAP}${yearMonth(s.edition.date)}第${s.edition.number}版`;

/** The copyright page text for a book of `pages` pages and `words` 千字 (unless book.yaml states it). */
export function imprintOf(s: BookSettings, pages: number, wordsThousands: number): Imprint {
  return {
    cip: cipOf(s),
    record: [
      editorsLine(s),
      publisherLine(s),
      `承印单位${GAP}${s.printer}`,
      `${spacedLabel('开本')}${GAP}${s.format.paper}${GAP}1/${s.format.fold}`,
      `${spacedLabel('印张')}${GAP}${printedSheets(pages, s.format.fold)}${GAP}${GAP}${wordsLine(s, wordsThousands)}`,
      editionLine(s),
      `${spacedLabel('印次')}${GAP}${yearMonth(s.printing.date)}第${s.printing.number}次印刷`,
      `${spacedLabel('定价')}${GAP}${s.price}`,
    ],
    notice: '本书如有印装质量问题，请联系出版社调换。',
  };
}

/**
 * The EPUB's own identifier (issue 22): urn:isbn of the ebook's ISBN when
 * book.yaml gives one (epub.isbn); otherwise a UUID made from the print
 * ISBN and the edition, the same for every build of this edition and never
 * the print book's ISBN, which names another product.
 */
export function ebookIdentifier(s: BookSettings, sha1: (text: string) => string): string {
  if (s.epub.isbn) return `urn:isbn:${s.epub.isbn.replace(/[^\dX]/g, '')}`;
  const hex = sha1(`nianjian-epub:${s.isbn}:${s.edition.number}:${s.edition.date}`);
  // RFC 4122 §4.3, name-based with SHA-1: version 5, variant 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The ebook's copyright page (issue 22): the CIP as issued (it names the
 * print book, R-CIP-3), then the 版本记录 without what belongs to paper
 * only: no 承印单位, 开本, 印张, 印次 nor the print 定价 (a price line only
 * when book.yaml gives the ebook's own, epub.price), and with the ebook's
 * identifier.
 */
export function ebookImprintOf(s: BookSettings, wordsThousands: number, identifier: string): Imprint {
  const id = identifier.startsWith('urn:isbn:') ? `ISBN${GAP}${s.epub.isbn}（电子书）` : `电子书标识${GAP}${identifier}`;
  return {
    cip: cipOf(s),
    record: [
      editorsLine(s),
      publisherLine(s),
      wordsLine(s, wordsThousands),
      editionLine(s),
      id,
      ...(s.epub.price ? [`${spacedLabel('定价')}${GAP}${s.epub.price}（电子书）`] : []),
    ],
    notice: '',
  };
}
