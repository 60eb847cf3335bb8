/**
 * A photo's caption with its credit (R-YB-5), as the body and the 彩页 set
 * it: the template's 楷体 小五, turned over between words only (issue 18),
 * every line but the last flush with the photo's width, and the credit
 * （…提供） never broken inside: it turns over whole.
 * A caption whose word breaks would spread a line visibly (a long name the
 * segmenter holds as one word: 习近平新时代中国特色社会主义思想) turns over
 * between any two characters instead, as body text does (R-KIN).
 */
import { EMPHASIS, inlineRuns, type Line, type Run } from '../compose/index.ts';
import type { Figure } from '../model/index.ts';
import { composeAt, type LayoutContext } from './context.ts';

/** The most a word turnover may spread a caption's line, in em per gap: more shows beside the solid lines. */
const MOST_SPREAD_EM = 0.08;

/** The caption's lines at `width` (never narrower than 4 characters). */
export function captionLines(ctx: LayoutContext, fig: Figure, width: number): Line[] {
  const size = ctx.template.caption.size_pt;
  const measure = Math.max(width, 4 * size);
  const set = (runs: Run[]) => {
    const lines = composeAt(ctx, { runs, indentEm: 0, align: 'justify', turnover: 'words' }, size, measure);
    return lines.some((l) => l.spreadEm > MOST_SPREAD_EM) ? composeAt(ctx, { runs, indentEm: 0, align: 'justify' }, size, measure) : lines;
  };
  const credit: Run[] = fig.credit ? [{ kind: 'text', text: `（${fig.credit}）`, style: EMPHASIS, unbroken: true }] : [];
  return set([...inlineRuns(fig.caption, EMPHASIS), ...credit]);
}
