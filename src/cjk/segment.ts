/**
 * Splits text into the units of Chinese line composition: a hanzi, a
 * punctuation mark, a 2-em long mark (——, ……), a Latin word or number
 * token that must not be split (R-KIN-5, R-KIN-8, R-KIN-9), and the spaces
 * between Latin words.
 */
import { isHanCodePoint, LONG_MARK, POSTFIX, PREFIX, punctClassOf, type PunctClass } from './classes.ts';

export type SegmentKind = 'han' | 'punct' | 'long' | 'token' | 'sup' | 'space' | 'ideo-space';

/** A segment wherever it stands: what line breaking and spacing read of it. */
export interface SegmentClass {
  kind: SegmentKind;
  text: string;
  /** For 'punct': the mark's class. */
  punct?: PunctClass;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A letter or digit of a Latin/number token (all in the BMP, so one UTF-16 unit each). */
const isAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/**
 * Marks that stay inside a token when letters or digits stand on both sides:
 * 1154.2, 2023-11-30, 1+10, 3:30, a range typed 1~3 and a ratio 3∶2 (the
 * ratio sign; R-KIN-8: a number is not parted, nor spaced as if hanzi stood
 * beside it).
 */
const INFIX = ".,-+:/&'_~∶";
const HYPHEN = 0x2d;
const PLUS = 0x2b;
/** Signs set solid between hanzi, like a hanzi (inside a number they stay in its token: 1+10). */
const SOLID_SIGNS = '+×＋';

/** Length of the token starting at `i`, or 0. Tokens are BMP characters only: units and code points agree. */
function tokenLength(text: string, i: number): number {
  let j = i;
  if (PREFIX.includes(text[j]!) && isDigit(text.charCodeAt(j + 1))) j++;
  if (!isAlnum(text.charCodeAt(j))) return 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isAlnum(c)) j++;
    else if (INFIX.includes(text[j]!) && isAlnum(text.charCodeAt(j - 1)) && isAlnum(text.charCodeAt(j + 1))) j++;
    else break;
  }
  // A + ending a name keeps with it (5G+, C++): a line never starts with it, apart from the name.
  while (text.charCodeAt(j) === PLUS) j++;
  while (j < text.length && POSTFIX.includes(text[j]!)) j++;
  return j - i;
}

/** A run of the same long mark: two make a 2-em unit, four the doubled ellipsis (R-KIN-6). */
function longMarkLength(text: string, i: number): number {
  const c = text[i]!;
  if (!LONG_MARK.includes(c)) return 0;
  if (c === '⸺') return 1;
  let j = i;
  while (text[j] === c) j++;
  const n = j - i;
  if (n === 4 && (c === '…' || c === '⋯')) return 4;
  return n >= 2 ? 2 : 0;
}

/**
 * Walks the segments of `text`, runs of spaces as one: the composer reads a
 * book's half million characters so, without an object, a string or a call
 * through a visitor made for each (a visitor's closure and its emit helper
 * were a third of the composer's unit building). After each `next()` that
 * returns true, `kind`, `start`, `end` (UTF-16) and, for a mark, `punct`
 * describe the segment.
 */
export class SegmentCursor {
  kind: SegmentKind = 'han';
  start = 0;
  end = 0;
  punct: PunctClass | undefined = undefined;

  constructor(readonly text: string) {}

  next(): boolean {
    const { text } = this;
    let i = this.end;
    if (this.kind === 'space') while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++; // the rest of a run of spaces
    if (i >= text.length) return false;
    this.start = i;
    this.punct = undefined;
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    // A hanzi is none of the kinds tried below (a long mark, a token, a space, a mark): most of the text, tried first.
    if (isHanCodePoint(cp)) return this.set('han', width);
    const long = longMarkLength(text, i);
    if (long) return this.set('long', long);
    // A run of ASCII hyphens (the CIP area separator ". --") stays together as Latin.
    let hyphens = 0;
    if (cp === HYPHEN && text.charCodeAt(i + 1) === HYPHEN) while (text.charCodeAt(i + hyphens) === HYPHEN) hyphens++;
    const token = hyphens > 0 ? hyphens : tokenLength(text, i);
    if (token) return this.set('token', token);
    if (isSpaceCode(cp)) return this.set('space', 1);
    if (cp === 0x3000) return this.set('ideo-space', 1);
    const c = text.slice(i, i + width);
    if (width === 1 && SUPERSCRIPT.includes(c)) return this.set('sup', 1);
    const punct = punctClassOf(c);
    if (punct) {
      this.punct = punct;
      return this.set('punct', width);
    }
    // Anything else wide (and any character outside the BMP) sets as a hanzi; so do + and × standing
    // alone ("文旅+商贸"): set solid, without the ¼ em a Latin token gets (issue 18).
    return this.set(width === 2 || (cp >= 0x2e80 && cp <= 0xffef) || SOLID_SIGNS.includes(c) ? 'han' : 'token', width);
  }

  /** Goes on from `end` when the text up to it was read by other means (hanzi, build-units.ts), which ended no run of spaces. */
  skipTo(end: number): void {
    if (end <= this.end) return;
    this.kind = 'han';
    this.end = end;
  }

  private set(kind: SegmentKind, length: number): true {
    this.kind = kind;
    this.end = this.start + length;
    return true;
  }
}

/** A space, tab or newline: a word space between Latin words. */
const isSpaceCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a;
