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
import { insideShortQuotes } from '../cjk/index.ts';
import type { Figure } from '../model/index.ts';
import { composeAt, type LayoutContext } from './context.ts';

/** The most a word turnover may spread a caption's line, in em per gap: more shows beside the solid lines. */
const MOST_SPREAD_EM = 0.08;

/** The caption's lines at `width` (never narrower than 4 characters). */
export function captionLines(ctx: LayoutContext, fig: Figure, width: number): Line[] {
  const size = ctx.template.caption.size_pt;
  const measure = Math.max(width, 4 * size);
  // Each setting is composed once; only the one kept reports its problems (not a line spread before the credit went over).
  const attempt = (input: ParagraphInput) => {
    const own = { ...ctx, problems: [] as LayoutContext['problems'] };
    return { lines: composeAt(own, input, size, measure), problems: own.problems };
  };
  const keep = (a: ReturnType<typeof attempt>) => {
    ctx.problems.push(...a.problems);
    return a.lines;
  };
  // Between words, a short quoted name kept whole; else between its words too; else wherever the rules allow.
  const setting = (runs: Run[], indentEm = 0, align: ParagraphInput['align'] = 'justify') => {
    const evenly = (a: ReturnType<typeof attempt>) => a.lines.every((l) => l.spreadEm <= MOST_SPREAD_EM);
    const words = attempt({ runs, indentEm, align, turnover: 'words' });
    if (evenly(words)) return words;
    const hasQuotedName = insideShortQuotes(runs.map((r) => (r.kind === 'text' ? r.text : '')).join('')).length > 0;
    const inQuotes = hasQuotedName ? attempt({ runs, indentEm, align, turnover: 'words', quotesBroken: true }) : undefined;
    return inQuotes && evenly(inQuotes) ? inQuotes : attempt({ runs, indentEm, align });
  };
  const caption = inlineRuns(fig.caption, EMPHASIS);
  if (!fig.credit) return keep(setting(caption));
  const credit: Run = { kind: 'text', text: `（${fig.credit}）`, style: EMPHASIS, unbroken: true };
  const whole = setting([...caption, credit]);
  if (whole.lines.length < 2 || whole.lines.at(-1)!.text !== credit.text) return keep(whole);
  // The credit went over whole: the caption ends on the line above, the credit set flush right under it
  // (its ） at the edge, its （ trimmed as at any line start: R-PUN-9, R-PUN-10).
  return [...keep(setting(caption)), ...keep(attempt({ runs: [credit], indentEm: 0, align: 'end' }))];
}
