/**
 * A photo's caption with its credit (R-YB-5), as the body and the 彩页 set
 * it: the template's 楷体 小五, turned over between words only (issue 18),
 * every line but the last flush with the photo's width, and the credit
 * （…提供） never broken inside: where it does not fit on the caption's last
 * line it stands on a line of its own, flush right as the body's credit
 * lines are (R-YB-4), and the caption's last line above it is not spread.
 * A caption whose word breaks would spread a line visibly (a long name the
 * segmenter holds as one word: 习近平新时代中国特色社会主义思想) turns over
 * between any two characters instead, as body text does (R-KIN).
 */
import { EMPHASIS, inlineRuns, type Line, type ParagraphInput, type Run } from '../compose/index.ts';
import type { Figure } from '../model/index.ts';
import { composeAt, type LayoutContext } from './context.ts';

/** The most a word turnover may spread a caption's line, in em per gap: more shows beside the solid lines. */
const MOST_SPREAD_EM = 0.08;

/** The caption's lines at `width` (never narrower than 4 characters). */
export function captionLines(ctx: LayoutContext, fig: Figure, width: number): Line[] {
  const size = ctx.template.caption.size_pt;
  const measure = Math.max(width, 4 * size);
  // Settings tried and left must not report their problems (a line spread before the credit went over).
  const tried = { ...ctx, problems: [] };
  const inputFor = (runs: Run[], indentEm = 0, align: ParagraphInput['align'] = 'justify'): ParagraphInput => {
    const words: ParagraphInput = { runs, indentEm, align, turnover: 'words' };
    return composeAt(tried, words, size, measure).some((l) => l.spreadEm > MOST_SPREAD_EM) ? { runs, indentEm, align } : words;
  };
  const set = (input: ParagraphInput) => composeAt(ctx, input, size, measure);
  const caption = inlineRuns(fig.caption, EMPHASIS);
  if (!fig.credit) return set(inputFor(caption));
  const credit: Run = { kind: 'text', text: `（${fig.credit}）`, style: EMPHASIS, unbroken: true };
  const whole = inputFor([...caption, credit]);
  const lines = composeAt(tried, whole, size, measure);
  if (lines.length < 2 || lines.at(-1)!.text !== credit.text) return set(whole);
  // The credit went over whole: the caption ends on the line above, the credit set flush right under it.
  const alone = composeAt(tried, { runs: [credit], indentEm: 0, align: 'start' }, size, measure);
  const indentEm = alone.length === 1 ? Math.max(0, measure - alone[0]!.widthPt) / size : 0;
  return [...set(inputFor(caption)), ...set({ runs: [credit], indentEm, align: 'start' })];
}
