/**
 * The gaps between units: where a line may break (R-KIN), how wide each
 * gap is, and how far it may shrink or stretch (R-MIX, R-JUS).
 */
import { ASCII_CLOSING, ASCII_OPENING, canBreakBetween, type KinsokuLevel } from '../cjk/index.ts';
import type { Gap, ShrinkClass, Unit } from './types.ts';

/** R-MIX-1: a hanzi beside Latin or digits gets ¼ em … */
export const MIXED_GAP_EM = 0.25;
/** … which may shrink to ⅛ em (R-JUS-4 step 6) … */
export const MIXED_GAP_MIN_EM = 0.125;
/**
 * … and never stretches past ⅓ em (R-JUS-5 step 2, "many styles ⅓ em"): the
 * slack of a justified line goes to the gaps between hanzi first, so that
 * "2023 年" looks the same from line to line (issue 18).
 */
export const MIXED_GAP_MAX_EM = 1 / 3;
/** R-JUS-4 step 2, R-JUS-5 step 1: word spaces between ¼ and ½ em. */
export const WORD_SPACE_MIN_EM = 0.25;
export const WORD_SPACE_MAX_EM = 0.5;

const isHanLike = (u: Unit) => u.seg.kind === 'han';
const isLatin = (u: Unit) => u.seg.kind === 'token';
/**
 * R-MIX-2: Latin punctuation that closes or pauses takes no gap before it
 * after a hanzi, nor opening punctuation after it before a hanzi, as with
 * full-width marks: text kept as supplied, such as a CIP record's
 * "年鉴. 2024" (R-CIP-3), would otherwise read "年鉴 . 2024".
 */
const startsMixed = (u: Unit) => isLatin(u) && !ASCII_CLOSING.has(u.seg.text[0]!);
const endsMixed = (u: Unit) => isLatin(u) && !ASCII_OPENING.has(u.seg.text[u.seg.text.length - 1]!);
/** R-JUS-5: no spreading next to connectors and solidi, nor before a note marker. */
const blocksSpread = (u: Unit) => u.seg.punct === 'connector' || u.seg.punct === 'solidus' || u.seg.kind === 'sup';

/**
 * Gaps are never changed once made (lines are adjusted on copies of their
 * widths), so the common ones — nothing or a CJK–Latin gap between two
 * units, by the two flags — are shared: a book has 700,000 gaps and eight
 * kinds of them. A forced break is never one of them: it is set on a copy
 * after the paragraph's units are made (forcedBreak).
 */
const SHARED_GAPS: readonly Gap[] = Array.from({ length: 8 }, (_, key) => {
  const [kind, canBreak, isSpreadable] = [key & 4 ? 'mixed' : 'none', (key & 2) !== 0, (key & 1) !== 0] as const;
  return Object.freeze(kind === 'mixed'
    ? { kind, widthEm: MIXED_GAP_EM, canBreak, shrinkEm: MIXED_GAP_EM - MIXED_GAP_MIN_EM, stretchEm: MIXED_GAP_MAX_EM - MIXED_GAP_EM, isSpreadable, isForced: false }
    : { kind, widthEm: 0, canBreak, shrinkEm: 0, stretchEm: 0, isSpreadable, isForced: false });
});

/** The shared gap of its kind and flags: all eight are made once, read by index. */
function sharedGap(kind: 'none' | 'mixed', canBreak: boolean, isSpreadable: boolean): Gap {
  return SHARED_GAPS[(kind === 'mixed' ? 4 : 0) | (canBreak ? 2 : 0) | (isSpreadable ? 1 : 0)]!;
}

/**
 * `gap` as a forced break: the line ends there (R-KIN-6's doubled ellipsis,
 * a line break typed in the text), set flush. A copy: gaps are shared.
 */
export const forcedBreak = (gap: Gap): Gap => ({ ...gap, canBreak: true, isForced: true });

/** `gap` closed: no line ends there. A copy: gaps are shared. */
export const closedGap = (gap: Gap): Gap => ({ ...gap, canBreak: false, isForced: false });

/** Between two hanzi with nothing typed between them (most gaps of a book): no width, a break, a spread (R-KIN, R-JUS-5). */
export const BETWEEN_HANZI = sharedGap('none', true, true);

/** The gap between units a and b, with the fixed space (em) and whether a word space was typed between them. */
export function gapBetween(a: Unit, b: Unit, fixed: number | undefined, wordSpace: boolean, level: KinsokuLevel, spaceEm: number): Gap {
  if (a.seg.kind === 'han' && b.seg.kind === 'han' && fixed === undefined && !wordSpace) return BETWEEN_HANZI;
  if (fixed !== undefined) return { kind: 'fixed', widthEm: fixed, canBreak: true, shrinkEm: 0, stretchEm: 0, isSpreadable: false, isForced: false };
  const isMixed = (isHanLike(a) && startsMixed(b)) || (endsMixed(a) && isHanLike(b));
  // R-MIX-3: a typed space between a hanzi and Latin is not honoured; R-MIX-1 sets the gap.
  if (wordSpace && !isMixed) {
    return {
      kind: 'word-space', widthEm: spaceEm, canBreak: true, shrinkEm: Math.max(0, spaceEm - WORD_SPACE_MIN_EM),
      stretchEm: Math.max(0, WORD_SPACE_MAX_EM - spaceEm), isSpreadable: true, isForced: false,
    };
  }
  const canBreak = canBreakBetween(a.seg, b.seg, level);
  // R-JUS-5 (R-MIX-4): never inside a Latin word: https :// was letter-spaced where a web address's pieces met.
  const isSpreadable = !blocksSpread(a) && !blocksSpread(b) && !(isLatin(a) && isLatin(b));
  // R-MIX-1/2: only between a hanzi and Latin or digits, never beside punctuation.
  return sharedGap(isMixed ? 'mixed' : 'none', canBreak, isSpreadable);
}

/** The R-JUS-4 class of a unit's adjustable blank. */
export function unitShrinkClass(u: Unit): ShrinkClass | null {
  if (u.isPaired) return null; // R-PUN-8: a pair stays at its 1.5 em (a line end still trims, R-PUN-10)
  switch (u.seg.punct) {
    case 'open': case 'close': return 'bracket';
    case 'stop-in': return 'pause';
    case 'stop-end': return 'stop';
    default: return null;
  }
}

export function gapShrinkClass(g: Gap): ShrinkClass | null {
  if (g.kind === 'word-space') return 'word-space';
  return g.kind === 'mixed' ? 'mixed' : null;
}
