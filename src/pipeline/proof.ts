/**
 * The proofreading cycle in the pipeline (issue 23): open queries (存疑)
 * checked before anything is laid out, the proof round's name, the
 * manifest written beside each PDF, and the comparison with an earlier
 * proof's manifest that puts change bars on the pages.
 */
import { numberedQueries } from '../build/index.ts';
import { report, type VFile } from '../diagnostics/index.ts';
import { changeMarks, geometryOf, type PagedDocument } from '../layout/index.ts';
import type { Template } from '../config/index.ts';
import type { Book } from '../model/index.ts';
import type { Changes } from './manifest.ts';

const ROUND_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 二校, 2 → 二校; 终校; undefined when it names no round. */
export function roundName(text: string): string | undefined {
  const t = text.trim();
  if (/^[1-9]$/.test(t)) return `${ROUND_DIGITS[Number(t) - 1]}校`;
  if (/^[一二三四五六七八九十]{1,2}校$/.test(t) || t === '终校') return t;
  return undefined;
}

/**
 * Every open query as a message at its place: an error for a final build
 * (nothing is written), a note for a proof or a build that allows them
 * (`--allow-queries`, book.yaml's allow_queries), which the report lists.
 * Returns how many are open.
 */
export function checkQueries(book: Book, files: readonly VFile[], fallback: VFile, refuse: boolean): number {
  const queries = numberedQueries(book);
  for (const { number, query } of queries) {
    const file = files.find((f) => f.path === query.source.path) ?? fallback;
    // The rule ends the question with its own full stop.
    const text = (query.kind === 'unreadable' ? `〔？〕${query.text}` : query.text).replace(/[。．.]$/u, '');
    report(file, query.source.position, refuse ? 'query-open' : 'query-listed', { number: `存疑${number}`, to: query.to, text: text.slice(0, 200) });
  }
  return queries.length;
}

/** Page numbers as ranges: 14, 15, 16, 20 → 14–16、20. */
export function pageRanges(numbers: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && Number(numbers[j + 1]) === Number(numbers[j]) + 1) j++;
    out.push(j > i ? `${numbers[i]}–${numbers[j]}` : numbers[i]!);
    i = j;
  }
  return out.join('、') || '无';
}

/** Draws the change bars and moved-page marks on the laid-out pages. */
export function markChanges(paged: PagedDocument, template: Template, changes: Changes): void {
  const g = geometryOf(template);
  for (const [index, change] of changes.pages) paged.pages[index]!.items.push(...changeMarks(g, paged.pages[index]!, change));
}

/** The log's note of deletions: ' · 删除 deleted: 第 12 页“河西区……”', or nothing. */
export function deletedPages(changes: Changes): string {
  if (changes.deletions.length === 0) return '';
  return ` · 删除 deleted: ${changes.deletions.map((d) => `${d.page ? `第 ${d.page} 页` : '（整篇）'}“${[...d.text].slice(0, 8).join('')}……”${d.count > 1 ? `等 ${d.count} 处` : ''}`).join('、')}`;
}
