/**
 * Turnovers of headings, titles, TOC lines and captions (issue 18): such a
 * line may break only between words (src/cjk/words.ts), preferably at a
 * phrase boundary (an ideographic space, after a mark, before an opening
 * mark), never leaves a line of one or two characters, and a heading's lines
 * are balanced to similar lengths.
 */
import { addressBoundaries, insideShortQuotes, wordBoundaries } from '../cjk/index.ts';
import type { Gap, ParagraphInput, Unit } from './types.ts';

export type TurnoverKind = NonNullable<ParagraphInput['turnover']>;

export interface Turnover {
  /** balanced: every line, the last too, as long as the others (headings); words: filled lines, word breaks only. */
  isBalanced: boolean;
  /** 1 where gap i is a phrase boundary: a break there costs nothing extra. */
  isPhrase: Uint8Array;
  /** words-preferred and address: 1 where gap i is inside a word (an address's part), a break there allowed at a cost (break-lines.ts); no runt rule. */
  insideWord?: Uint8Array;
}

const PHRASE_END = new Set(['stop-in', 'stop-end', 'close']);

const isInterpunct = (u: Unit) => u.seg.kind === 'punct' && u.seg.punct === 'interpunct';

/** A phrase boundary: a typed space, after a pause or a closing mark, before an opening mark or a long mark. */
function isPhraseGap(a: Unit, b: Unit, g: Gap): boolean {
  if (g.kind === 'fixed' || g.kind === 'word-space') return true;
  if (a.seg.kind === 'punct' && PHRASE_END.has(a.seg.punct!)) return true;
  return (b.seg.kind === 'punct' && b.seg.punct === 'open') || b.seg.kind === 'long' || a.seg.kind === 'long';
}

/**
 * The gaps with breaks inside words taken away, and where phrases end.
 * A gap is a word boundary when the segmenter puts one at the start of the
 * unit after it (or at the typed space before that unit).
 */
export function turnoverGaps(units: readonly Unit[], gaps: readonly Gap[], kind: TurnoverKind, quotesWhole = true): { gaps: Gap[]; turnover: Turnover; quotesKept: boolean } {
  let text = '';
  const startOf: number[] = [];
  for (let i = 0; i < units.length; i++) {
    startOf.push(text.length);
    text += units[i]!.seg.text;
    const g = gaps[i];
    if (g && (g.kind === 'fixed' || g.kind === 'word-space')) text += g.kind === 'fixed' ? '\u3000' : ' ';
  }
  const cuts = kind === 'address' ? addressBoundaries(text) : wordBoundaries(text);
  const quoted = quotesWhole ? insideShortQuotes(text) : [];
  for (const k of quoted) cuts.delete(k);
  const isPhrase = new Uint8Array(gaps.length);
  const insideWord = kind === 'words-preferred' || kind === 'address' ? new Uint8Array(gaps.length) : undefined;
  const out = gaps.map((g, i) => {
    const a = units[i]!;
    const b = units[i + 1]!;
    // An interpunct joins its words into one name (寻美·中国, 活力河西·都市消费嘉年华): a title does not turn over beside it.
    if (isInterpunct(a) || isInterpunct(b)) return g.canBreak && !g.isForced ? { ...g, canBreak: false } : g;
    if (isPhraseGap(a, b, g)) {
      isPhrase[i] = 1;
      return g;
    }
    const atWord = cuts.has(startOf[i + 1]!) || cuts.has(startOf[i]! + a.seg.text.length);
    if (atWord || !g.canBreak) return g;
    if (insideWord) insideWord[i] = 1;
    return insideWord ? g : { ...g, canBreak: false };
  });
  // quotesKept: a short quoted name was kept whole, so the same turnover without quotesWhole would differ.
  return { gaps: out, turnover: { isBalanced: kind === 'balanced', isPhrase, ...(insideWord ? { insideWord } : {}) }, quotesKept: quoted.length > 0 };
}
