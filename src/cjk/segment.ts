/**
 * Splits text into the units of Chinese line composition: a hanzi, a
 * punctuation mark, a 2-em long mark (——, ……), a Latin word or number
 * token that must not be split (R-KIN-5, R-KIN-8, R-KIN-9), and the spaces
 * between Latin words.
 */
import { isHan, LONG_MARK, POSTFIX, PREFIX, punctClassOf, type PunctClass } from './classes.ts';

export type SegmentKind = 'han' | 'punct' | 'long' | 'token' | 'sup' | 'space' | 'ideo-space';

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Offset (UTF-16) of the segment in the input. */
  offset: number;
  /** For 'punct': the mark's class. */
  punct?: PunctClass;
}

const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
/** A letter or digit of a Latin/number token. */
const ALNUM = /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF]/;
/** Marks that stay inside a token when letters or digits stand on both sides: 1154.2, 2023-11-30, 1+10, 3:30. */
const INFIX = new Set([...".,-+:/&'_"]);

function isPostfixFor(chars: string[], i: number): boolean {
  const c = chars[i];
  return c !== undefined && POSTFIX.includes(c);
}

/** Length (in code points) of the token starting at `i`, or 0. */
function tokenLength(chars: string[], i: number): number {
  let j = i;
  if (PREFIX.includes(chars[j]!) && /\d/.test(chars[j + 1] ?? '')) j++;
  if (!ALNUM.test(chars[j] ?? '')) return 0;
  while (j < chars.length) {
    if (ALNUM.test(chars[j]!)) j++;
    else if (INFIX.has(chars[j]!) && ALNUM.test(chars[j - 1] ?? '') && ALNUM.test(chars[j + 1] ?? '')) j++;
    else break;
  }
  while (isPostfixFor(chars, j)) j++;
  return j - i;
}

/** A run of the same long mark: two make a 2-em unit, four the doubled ellipsis (R-KIN-6). */
function longMarkLength(chars: string[], i: number): number {
  const c = chars[i]!;
  if (!LONG_MARK.includes(c)) return 0;
  if (c === '⸺') return 1;
  let j = i;
  while (chars[j] === c) j++;
  const n = j - i;
  if (n === 4 && c === '…') return 4;
  return n >= 2 ? 2 : 0;
}

/** Segments `text`; offsets are UTF-16 offsets into it. */
export function segmentText(text: string): Segment[] {
  const chars = [...text];
  const out: Segment[] = [];
  let offset = 0;
  const push = (kind: SegmentKind, n: number, punct?: PunctClass) => {
    const part = n === 1 ? chars[i]! : chars.slice(i, i + n).join('');
    out.push(punct ? { kind, text: part, offset, punct } : { kind, text: part, offset });
    offset += part.length;
    i += n;
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    // A hanzi is none of the kinds tried below (a long mark, a token, a space, a mark): most of the text, tried first.
    if (isHan(c)) {
      push('han', 1);
      continue;
    }
    const long = longMarkLength(chars, i);
    // A run of ASCII hyphens (the CIP area separator ". --") stays together as Latin.
    const hyphens = c === '-' && chars[i + 1] === '-' ? chars.slice(i).findIndex((x) => x !== '-') : 0;
    const token = long ? 0 : hyphens > 0 ? hyphens : hyphens < 0 ? chars.length - i : tokenLength(chars, i);
    if (long) push('long', long);
    else if (token) push('token', token);
    else if (c === ' ' || c === '\t' || c === '\n') push('space', 1);
    else if (c === '\u3000') push('ideo-space', 1);
    else if (SUPERSCRIPT.test(c)) push('sup', 1);
    else if (punctClassOf(c)) push('punct', 1, punctClassOf(c)!);
    else push(/[\u2E80-\uFFEF]/.test(c) ? 'han' : 'token', 1);
  }
  return mergeSpaces(out);
}

/** Collapses runs of spaces into one word space. */
function mergeSpaces(segments: Segment[]): Segment[] {
  return segments.filter((s, i) => !(s.kind === 'space' && segments[i - 1]?.kind === 'space'));
}
