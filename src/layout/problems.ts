/**
 * Once pages are numbered, each problem learns where it is printed, so the
 * report can say "第 159 页左栏" beside the manuscript line: a proofreader
 * marks pages, an editor fixes lines. Headings stranded at the foot of a
 * column are found here too.
 */
import type { Line } from '../compose/index.ts';
import type { BuildProblem, LayoutContext, PrintedAt } from './context.ts';
import type { PageDraft } from './draft.ts';
import type { AnchorPlace } from './types.ts';

export function placeProblems(ctx: LayoutContext, pages: ReadonlyArray<{ draft: PageDraft; number: string }>, anchors: ReadonlyMap<string, AnchorPlace>): void {
  const twoColumns = ctx.geometry.columns > 1;
  const at = (pageIndex: number, column: number | undefined): PrintedAt =>
    ({ pageIndex, folio: pages[pageIndex]!.number, ...(twoColumns && column !== undefined ? { column } : {}) });
  // Where each body line is printed, only when some problem asks (most builds have none).
  const lineAt = new Map<Line, PrintedAt>();
  if (ctx.problems.some((p) => 'line' in p && p.line)) {
    pages.forEach((p, i) => {
      for (const l of p.draft.lines ?? []) lineAt.set(l.line, at(i, l.column));
    });
  }
  const placed = (p: BuildProblem): PrintedAt | undefined => {
    if ('line' in p && p.line) return lineAt.get(p.line);
    const anchor = 'anchor' in p && p.anchor ? anchors.get(p.anchor) : undefined;
    return anchor ? at(anchor.pageIndex, undefined) : undefined;
  };
  for (let k = 0; k < ctx.problems.length; k++) {
    const where = placed(ctx.problems[k]!);
    if (where) ctx.problems[k] = { ...ctx.problems[k]!, at: where };
  }
  pages.forEach((p, i) => {
    for (const s of p.draft.stranded ?? []) ctx.problems.push({ kind: 'heading-stranded', source: s.source, at: at(i, s.column) });
    for (const c of p.draft.shortColumns ?? []) ctx.problems.push({ kind: 'column-short', source: c.source, lines: c.lines, cause: c.cause, at: at(i, c.column) });
  });
}
