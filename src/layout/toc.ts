/**
 * 目录 pages: items indented by level, a dot leader to the folio at the
 * right edge of the column, and a link to the page (R-YB-7).
 */
import { BODY, RUN_IN_HEAD } from '../compose/index.ts';
import type { TocItem } from '../derive/index.ts';
import type { LayoutContext } from './context.ts';
import type { PageDraft } from './draft.ts';
import { type LeaderItem, leaderPages } from './leader-list.ts';

/** Indent in em per level: part, chapter, section, entry. */
const INDENT_EM = [0, 0, 1, 2] as const;

export function tocDrafts(ctx: LayoutContext, toc: readonly TocItem[], folioOf: (id: string) => string): PageDraft[] {
  const t = ctx.template.toc;
  const items: LeaderItem[] = toc.map((item) => {
    const isPart = item.level === 0;
    return {
      text: item.title, style: item.level <= 1 ? RUN_IN_HEAD : BODY, sizePt: isPart ? t.part_size_pt : t.size_pt,
      indentEm: INDENT_EM[item.level], hangEm: 0, trailer: folioOf(item.id), target: item.id, spaceBefore: isPart ? 1 : 0,
    };
  });
  return leaderPages(ctx, items, { title: '目\u3000录', runningHead: '目录', pitchPt: t.line_pitch_pt, kind: 'toc' });
}
