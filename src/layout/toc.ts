/**
 * 目录 pages: items indented by level, a dot leader to the folio at the
 * right edge of the column, and a link to the page (R-YB-7).
 */
import { BODY, RUN_IN_HEAD } from '../compose/index.ts';
import type { TocItem } from '../derive/index.ts';
import type { LayoutContext } from './context.ts';
import type { PageDraft } from './draft.ts';
import { type LeaderItem, leaderPages } from './leader-list.ts';
import { letterSpaced } from './spacing.ts';

/** Indent in em per level: part, chapter, section, entry (an item's depth under its chapter, when known, instead). */
const INDENT_EM = [0, 0, 1, 2] as const;
/** Turnover lines stand this far in from the item's first line (as the index's do, R-IDX-2). */
const HANG_EM = 1;

const isSpaced = (item: TocItem) => item.level <= 1 || (item.level === 2 && (item.depth ?? 1) <= 1);

export function tocDrafts(ctx: LayoutContext, toc: readonly TocItem[], folioOf: (id: string) => string): PageDraft[] {
  const t = ctx.template.toc;
  const items: LeaderItem[] = toc.map((item, i) => {
    const isPart = item.level === 0;
    // A chapter's line is a heading of the 目录 too: never left at a column foot without its first entry (R-HEAD-3).
    const isChapterOverEntries = item.level === 1 && (toc[i + 1]?.level ?? 0) > 1;
    return {
      // A title as its heading prints it (R-HEAD-6): a part's (法　治, as the print's 目录 has it), a chapter's or a
      // section's (综　述); a #### subsection's is set as typed (统计资料's 教育), and so is an entry's.
      text: isSpaced(item) ? letterSpaced(item.title) : item.title, style: item.level <= 1 ? RUN_IN_HEAD : BODY, sizePt: isPart ? t.part_size_pt : t.size_pt,
      indentEm: item.depth ?? INDENT_EM[item.level], hangEm: HANG_EM, trailer: folioOf(item.id), target: item.id, spaceBefore: isPart ? 1 : 0,
      // A part's line is never left at a column foot without its first chapter.
      ...(isPart || isChapterOverEntries ? { keepWithNext: true } : {}),
    };
  });
  return leaderPages(ctx, items, { title: '目\u3000录', runningHead: '目录', pitchPt: t.line_pitch_pt, kind: 'toc' });
}
