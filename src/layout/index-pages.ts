/**
 * 索引 pages (R-IDX-1..5): the title and 条目索引, then two columns of
 * entries in index order, letter headings A–Z before their groups (none
 * before the headings that start with a digit), locators right-aligned
 * after a leader, long headings wrapping with a hanging indent.
 */
import { BODY, RUN_IN_HEAD } from '../compose/index.ts';
import { formatLocators, type IndexEntry, type IndexGroup, locatorParts, twoLevelIndex } from '../derive/index.ts';
import type { LayoutContext } from './context.ts';
import type { PageDraft } from './draft.ts';
import { type LeaderItem, leaderPages } from './leader-list.ts';

/** R-IDX-2: a wrapped heading's later lines stand 1 em in. */
const HANG_EM = 1;
/** R-IDX-7: sub-entries (two-level style) stand 1 em in. */
const SUB_INDENT_EM = 1;

export const INDEX_ANCHOR = 'index';

/** The anchor of each printed page number of an entry, in print order (a range prints two). */
function numberTargetsOf(e: IndexEntry): string[] {
  const anchorOf = new Map(e.locators.map((l) => [l.page, l.anchor]));
  return locatorParts(e.pages).flatMap((p) => (p.page === undefined ? [] : [anchorOf.get(p.page)!]));
}

export function indexDrafts(ctx: LayoutContext, flat: readonly IndexGroup[]): PageDraft[] {
  const t = ctx.template.toc;
  const groups = ctx.template.index.style === 'two-level' ? twoLevelIndex(flat, { words: ctx.settings.index_readings ?? {} }) : flat;
  const items: LeaderItem[] = [{ text: '条目索引', style: RUN_IN_HEAD, sizePt: t.part_size_pt, indentEm: 0, hangEm: 0, isHeading: true, spaceBefore: 0 }];
  const entry = (e: IndexEntry, indentEm: number): LeaderItem => ({
    text: e.heading, style: BODY, sizePt: t.size_pt, indentEm, hangEm: HANG_EM, spaceBefore: 0,
    ...(e.pages.length > 0 ? { trailer: formatLocators(e.pages) } : {}), numberTargets: numberTargetsOf(e),
  });
  for (const group of groups) {
    if (group.letter) items.push({ text: group.letter, style: RUN_IN_HEAD, sizePt: t.part_size_pt, indentEm: 0, hangEm: 0, isHeading: true, spaceBefore: 1 });
    for (const e of group.entries) {
      items.push({ ...entry(e, 0), ...(e.subentries ? { keepWithNext: true } : {}) });
      // R-IDX-7: sub-entries on the next lines, 1 em in.
      for (const sub of e.subentries ?? []) items.push(entry(sub, SUB_INDENT_EM));
    }
  }
  return leaderPages(ctx, items, { title: '索\u3000引', runningHead: '索引', pitchPt: t.line_pitch_pt, anchor: INDEX_ANCHOR, kind: 'index' });
}
