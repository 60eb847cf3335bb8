/**
 * Input normalisation before layout (chinese-layout-spec §2, R-NORM-1..4).
 * Works on the text of one paragraph and reports every change with its
 * offset in the input, so the parser can tell the editor what it did.
 */
import { isHan, isWide } from './classes.ts';

/** R-NORM-5 (issue 18): an ASCII full stop between hanzi, set as ．; the editor is asked which mark was meant. */
export type NormalizeRule = 'R-NORM-1' | 'R-NORM-2' | 'R-NORM-3' | 'R-NORM-4' | 'R-NORM-5' | 'R-MIX-5' | 'control';

export interface TextChange {
  /** Offset (UTF-16) in the input text. */
  offset: number;
  from: string;
  to: string;
  rule: NormalizeRule;
}

export interface Normalized {
  text: string;
  changes: TextChange[];
  /** R-NORM-2: false when the paragraph's straight quotes do not pair up. */
  quotesBalanced: boolean;
}

const ASCII_TO_FULL: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};
/**
 * Zero-width and control characters that must not reach the page (tab and
 * newline are handled apart): C0 and C1 controls (NEL), zero-width spaces and
 * joiners, the bidirectional marks, embeddings, overrides and isolates (an
 * override reverses the text in an e-reader), the line and paragraph
 * separators, and the noncharacters U+FFFE and U+FFFF (no XML may hold them).
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/;
const INVISIBLE_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g;

/** `text` without the characters that must not reach the page, and how many there were (import: never written into a manuscript). */
export function withoutInvisible(text: string): { text: string; removed: number } {
  const removed = text.match(INVISIBLE_ALL)?.length ?? 0;
  return { text: removed > 0 ? text.replace(INVISIBLE_ALL, '') : text, removed };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLatinOrDigit = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** The nearest character from `i` in direction `step` that is not a space. */
function neighbour(chars: string[], i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (chars[j] === ' ' || chars[j] === '\t') j += step;
  return chars[j];
}

/**
 * "占比77.16%,0—36个月", "53.6%, 110", "100%;3名": a comma or semicolon
 * between a number and the next, not a thousands separator (1,000: three
 * digits right after it), in a clause with hanzi on either side of the
 * numbers. The immediate neighbours are digits, so the plain test misses it.
 */
function isClauseCommaAfterNumber(chars: string[], i: number): boolean {
  const prev = chars[i - 1];
  let first = i + 1;
  while (chars[first] === ' ' || chars[first] === '\t') first++;
  if (!(isDigit(prev) || prev === '%') || !isDigit(chars[first])) return false;
  if (chars[i] === ',' && isDigit(prev) && first === i + 1 && /^\d{3}(?!\d)/.test(chars.slice(i + 1, i + 5).join(''))) return false;
  let before = i - 1;
  while (before >= 0 && /[0-9.%]/.test(chars[before]!)) before--;
  let after = first;
  while (after < chars.length && /[0-9.%\-—～~]/.test(chars[after]!)) after++;
  return isWide(chars[before]) || isWide(chars[after]);
}

/** R-NORM-1: is the ASCII mark at `i` in Chinese context (a hanzi or wide mark beside it, spaces skipped)? */
function isChineseContext(chars: string[], i: number): boolean {
  const ch = chars[i]!;
  const prev = neighbour(chars, i, -1);
  const next = neighbour(chars, i, 1);
  if ((ch === ',' || ch === ';') && isClauseCommaAfterNumber(chars, i)) return true;
  if ((ch === ',' || ch === ':') && isDigit(prev) && isDigit(next)) return false;
  if (ch === '(') return isWide(next) || isWide(prev);
  if (ch === ')') return isWide(prev) || isWide(next);
  return isWide(prev) || isWide(next) || (next === undefined && isWide(prev));
}

// The ASCII marks too: quotes are paired before R-NORM-1 widens them ("助力'十项行动',提振"), and a
// straight double quote not yet paired after a single one closes it ('young'").
const OPENS_AFTER = new Set([...'，。：；、！？（《“‘【—…\u3000 ,;:?!(']);
const CLOSES_BEFORE = new Set([...'，。：；、！？）》”’】—…,;:?!)"']);

/** R-NORM-2 for one straight quote: does it open? Context first, nesting parity otherwise. */
function quoteOpens(prev: string | undefined, next: string | undefined, isOpen: boolean): boolean {
  const afterPause = prev === undefined || OPENS_AFTER.has(prev);
  const beforePause = next === undefined || CLOSES_BEFORE.has(next);
  if (afterPause && !beforePause) return true;
  if (beforePause && !afterPause) return false;
  return !isOpen;
}

interface Builder {
  out: string[];
  changes: TextChange[];
}

function emit(b: Builder, offset: number, from: string, to: string, rule: NormalizeRule): void {
  b.out.push(to);
  if (from !== to) b.changes.push({ offset, from, to, rule });
}

/** The offset in the input of each char index (chars are code points). */
function offsets(chars: string[]): number[] {
  const result: number[] = [];
  let o = 0;
  for (const c of chars) {
    result.push(o);
    o += c.length;
  }
  return result;
}

/** R-NORM-3: "..."/"。。。"/"…" → "……", "--"/"———" → "——". Returns chars consumed, or 0. */
function longMark(chars: string[], i: number, b: Builder, at: number): number {
  let j = i;
  const c = chars[i];
  if (c === '.' || c === '。' || c === '…') {
    while (chars[j] === c) j++;
    const n = j - i;
    const run = chars.slice(i, j).join('');
    if (c === '…' && (n === 2 || n === 4)) {
      b.out.push(run); // already a 省略号 (or the doubled one of GB 5.1.5)
      return n;
    }
    if (c !== '…' && n < 3) return 0;
    emit(b, at, run, '……', 'R-NORM-3');
    return n;
  }
  if (c === '-' && chars[i + 1] === '-' && (isWide(chars[i - 1]) || isWide(chars[i + 2]))) {
    while (chars[j] === '-') j++;
    emit(b, at, chars.slice(i, j).join(''), '——', 'R-NORM-3');
    return j - i;
  }
  return 0;
}

const isFullWidthLatin = (c: string | undefined) => c !== undefined && /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(c);

/**
 * R-MIX-5: letters and digits typed full width (ＡＢＣ１２３, as an IME gives
 * them) are set as Latin ones: spaced and broken as Latin, in the Latin font.
 * One change for a run. Returns chars consumed, or 0.
 */
function fullWidthLatin(chars: string[], i: number, b: Builder, at: number): number {
  let j = i;
  // A full-width point inside the run is its decimal point (ＰＭ２．５).
  while (isFullWidthLatin(chars[j]) || (j > i && chars[j] === '．' && isFullWidthLatin(chars[j + 1]))) j++;
  if (j === i) return 0;
  const run = chars.slice(i, j).join('');
  emit(b, at, run, run.normalize('NFKC'), 'R-MIX-5');
  return j - i;
}

/** R-NORM-4: a space (or a source line break) between characters. */
function space(chars: string[], i: number, b: Builder, at: number): number {
  let j = i;
  while (chars[j] === ' ' || chars[j] === '\n' || chars[j] === '\t') j++;
  const run = chars.slice(i, j).join('');
  // The mark before as set: a comma widened just now takes no space after it.
  const prev = b.out.length > 0 && b.out[b.out.length - 1] ? [...b.out[b.out.length - 1]!].at(-1) : chars[i - 1];
  const next = chars[j] === '.' && isHan(prev) && isHan(neighbour(chars, j, 1)) ? '．' : chars[j]; // R-NORM-5 follows
  const hasNewline = run.includes('\n');
  // "022 - 28651999": a phone number or code written with spaces round its hyphen is one number (issue 18).
  const isCodeHyphen = (isDigit(prev) && next === '-' && isDigit(neighbour(chars, j, 1))) || (prev === '-' && isDigit(neighbour(chars, i - 1, -1)) && isDigit(next));
  if (prev === undefined || next === undefined || isCodeHyphen) emit(b, at, run, '', 'R-NORM-4');
  else if (isHan(prev) && isHan(next)) emit(b, at, run, hasNewline ? '' : '\u3000', 'R-NORM-4'); // juxtaposed names
  else if ((isHan(prev) && isLatinOrDigit(next)) || (isLatinOrDigit(prev) && isHan(next))) emit(b, at, run, '', 'R-NORM-4');
  else if (isWide(prev) || isWide(next)) emit(b, at, run, '', 'R-NORM-4');
  else emit(b, at, run, ' ', 'R-NORM-4');
  return j - i;
}

/** An apostrophe, not a quote: a single quote (' or ’) between a Latin letter or digit and a letter (it's, 80's, McDonald’s). */
const isApostropheBetween = (prev: string | undefined, next: string | undefined) => /[A-Za-z0-9]/.test(prev ?? '') && /[A-Za-z]/.test(next ?? '');

/**
 * R-NORM-2, first, so that the other rules see curly quotes as the
 * Chinese marks they are: " pairs as “ ”, and ' (not an apostrophe) as the
 * inner ‘ ’ (先双后单), each by context first and by its own nesting parity
 * otherwise; closing a double quote closes any single quote left open in it.
 * Changes `chars` in place; returns whether every quote found its partner.
 */
function pairQuotes(chars: string[], at: number[], changes: TextChange[]): boolean {
  if (!chars.some(isHan)) return true;
  let doubleOpen = false;
  let singleOpen = false;
  let balanced = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    // A quote that closes with none open is unbalanced too (好"中"好", a stray closing mark).
    if (ch === '"') {
      const was = doubleOpen;
      doubleOpen = quoteOpens(neighbour(chars, i, -1), neighbour(chars, i, 1), doubleOpen);
      if (!doubleOpen && !was) balanced = false;
      if (!doubleOpen && singleOpen) [balanced, singleOpen] = [false, false];
      chars[i] = doubleOpen ? '“' : '”';
    } else if (ch === "'" && !isApostropheBetween(chars[i - 1], chars[i + 1])) {
      const was = singleOpen;
      singleOpen = quoteOpens(neighbour(chars, i, -1), neighbour(chars, i, 1), singleOpen);
      if (!singleOpen && !was) balanced = false;
      chars[i] = singleOpen ? '‘' : '’';
    } else continue;
    changes.push({ offset: at[i]!, from: ch, to: chars[i]!, rule: 'R-NORM-2' });
  }
  return balanced && !doubleOpen && !singleOpen;
}

/**
 * R-NORM-2's check on curly quotes, which no pairing touches (typed so, or
 * converted by another tool): the nesting alternates “ ‘ ’ ” and every mark
 * finds its partner (a ’ between Latin letters is an apostrophe: McDonald’s). Returns the offset of the first mark out of place (the
 * text's length when one is left open), or undefined when all is well.
 */
export function misnestedQuoteAt(text: string): number | undefined {
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '‘') {
      // A double inside a double, or a single anywhere but inside a double.
      if ((ch === '“') === (open.at(-1) === '“')) return i;
      open.push(ch);
    } else if (ch === '”' || (ch === '’' && !isApostropheBetween(text[i - 1], text[i + 1]))) {
      if (open.pop() !== (ch === '”' ? '“' : '‘')) return i;
    }
  }
  return open.length > 0 ? text.length : undefined;
}

/** Where each offset of the input lands in the output of `normalizeText`. */
export function mapOffset(changes: readonly TextChange[], inputOffset: number): number {
  let shift = 0;
  for (const c of changes) {
    if (c.offset >= inputOffset) break;
    shift += c.to.length - Math.min(c.from.length, inputOffset - c.offset);
  }
  return inputOffset + shift;
}

/** Offsets in the normalised text where a new source line begins. */
export function sourceLineStarts(input: string, changes: readonly TextChange[]): number[] {
  const starts: number[] = [];
  for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) starts.push(mapOffset(changes, i + 1));
  return starts;
}

/** Normalises one paragraph's text (spec §2). */
/**
 * What any rule here acts on: controls and spaces, ASCII marks, straight
 * quotes (double and single), ellipses and runs of full stops or hyphens,
 * full-width letters and digits. Most paragraphs of a
 * yearbook have none of them, and pass through untouched without being split.
 */
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff ,;:?!()"'…\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|\.\.|。。|--|\p{Script=Han}\.|\.\p{Script=Han}/u;

export function normalizeText(input: string): Normalized {
  return NEEDS_WORK.test(input) ? normalizeEveryCharacter(input) : { text: input, changes: [], quotesBalanced: true };
}

/** The rules applied character by character (exported for the test that the shortcut changes nothing). */
export function normalizeEveryCharacter(input: string): Normalized {
  const chars = [...input];
  const at = offsets(chars);
  const b: Builder = { out: [], changes: [] };
  const parens: boolean[] = [];
  const quotesBalanced = pairQuotes(chars, at, b.changes);
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (INVISIBLE.test(ch)) {
      emit(b, at[i]!, ch, '', 'control');
      i++;
      continue;
    }
    const consumed = longMark(chars, i, b, at[i]!) || (/[ \n\t]/.test(ch) ? space(chars, i, b, at[i]!) : 0);
    if (consumed) {
      i += consumed;
      continue;
    }
    const fullWidth = fullWidthLatin(chars, i, b, at[i]!);
    if (fullWidth) {
      i += fullWidth;
      continue;
    }
    if (ch === '.' && isHan(neighbour(chars, i, -1)) && isHan(neighbour(chars, i, 1))) {
      emit(b, at[i]!, ch, '．', 'R-NORM-5');
      i++;
      continue;
    }
    if (ASCII_TO_FULL[ch]) {
      const widen = ch === ')' && parens.length > 0 ? parens.pop()! || isChineseContext(chars, i) : isChineseContext(chars, i);
      if (ch === '(') parens.push(widen);
      emit(b, at[i]!, ch, widen ? ASCII_TO_FULL[ch]! : ch, 'R-NORM-1');
    } else b.out.push(ch);
    i++;
  }
  b.changes.sort((x, y) => x.offset - y.offset);
  return { text: b.out.join(''), changes: b.changes, quotesBalanced };
}
