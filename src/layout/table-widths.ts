/**
 * Column widths of a table too wide at its natural widths: fitted so that
 * the table is as short as it can be. Scaling every column by one factor
 * squeezed short columns (phone numbers, names) below their natural width
 * so that they turned over while a long text column could have given the
 * room; here the width is taken where it costs the fewest lines.
 *
 * Each column's settings are walked from its natural width down: a setting
 * is the narrowest width at which its cells keep their line counts (narrower
 * by a hair and some cell turns over once more). A search over the columns'
 * settings that fit the area, among tables no higher (the sum over rows of
 * the tallest cell) than scaling would set, keeps the one that turns over
 * fewest lines in columns of short entries (a phone number turns over only
 * where the text columns cannot give without the table growing), then the
 * lowest, then the one with the fewest lines turned, then the one that takes
 * the smallest share from any one column.
 */

/** What fitting needs of a table: its columns' limits and its cells set at a width. */
export interface ColumnFit {
  natural: readonly number[];
  floor: readonly number[];
  /** Columns of short entries (numbers, codes, phone numbers, names), which should keep their natural width. */
  short: readonly boolean[];
  /** The least width worth taking from a column at a time: a line set at its measure may be squeezed (R-KIN-10), so a hair less breaks nothing. */
  stepPt: number;
  /** Each column's cells at their natural widths (padding included): a cell turns over just under its own. */
  oneLine: readonly (readonly number[])[];
  /** Lines of each row's cell in `column` set at `width` (padding included), and the widest line plus padding; `rows`: only these set, the others 0. */
  set(column: number, width: number, rows?: readonly number[]): { lines: number[]; widest: number };
}

interface Setting {
  width: number;
  lines: number[];
}

/** Column widths for `total` pt when the natural widths add up to more (each at least its floor). */
export function fittedWidths(fit: ColumnFit, total: number): number[] {
  // Every column scaled by one factor: the search's bound, and what is set if it finds nothing lower.
  const scaled = scaledWidths(fit, total);
  const bound = heightOf(scaled.map((w, c) => fit.set(c, w).lines));
  const settings = thinned(fit.natural.map((_, c) => settingsOf(fit, c, total, bound)));
  const chosen = search(settings, fit.short, total, bound);
  if (!chosen) return scaled;
  const widths = chosen.map((k, c) => settings[c]![k]!.width);
  // What is left is less than any column needs to take back a line: shared out by width.
  const factor = total / sum(widths);
  return widths.map((w) => w * factor);
}

/** The table's height in lines: the sum over rows of the tallest cell (`lines`: each column's cells). */
const heightOf = (lines: readonly (readonly number[])[]) => sum(lines[0]?.map((_, r) => Math.max(...lines.map((l) => l[r]!))) ?? []);

/** The natural widths scaled down together, the columns that reach their floor held there. */
function scaledWidths(fit: ColumnFit, total: number): number[] {
  let widths = [...fit.natural];
  for (let round = 0; round < 12; round++) {
    const over = sum(widths) - total;
    if (Math.abs(over) < 0.01) break;
    const flexible = widths.map((w, c) => w > fit.floor[c]! + 0.01);
    const flexSum = sum(widths.filter((_, c) => flexible[c]));
    if (flexSum === 0) break;
    widths = widths.map((w, c) => (flexible[c] ? Math.max(fit.floor[c]!, (w * (flexSum - over)) / flexSum) : w));
  }
  return widths;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Halvings of the gap between two settings, to find how narrow the wider one can be: to a ninth of a step. */
const HALVINGS = 3;

const same = (a: Setting, b: Setting) => a.lines.every((n, r) => n === b.lines[r]);

/**
 * A column's settings, widest first: from its natural width (or the widest
 * the others leave it, when that is less) down to the
 * narrowest it need be (the others at their natural widths leave it no more,
 * or its lines alone outnumber the `bound`) and never under its floor. Each is as narrow as its lines allow, found
 * by halving the gap to the next: a line set at its measure is squeezed,
 * so a setting's widest line does not tell how much narrower it can go.
 */
function settingsOf(fit: ColumnFit, c: number, total: number, bound: number): Setting[] {
  const floor = fit.floor[c]!;
  const least = Math.max(floor, total - (sum(fit.natural) - fit.natural[c]!));
  const most = total - (sum(fit.floor) - floor);
  const at = (width: number): Setting => {
    const { lines, widest } = fit.set(c, width);
    return { width: Math.max(floor, Math.min(width, widest)), lines };
  };
  // Between two settings only the cells whose lines differ can change: the halving sets those alone.
  const between = (width: number, from: Setting, rows: readonly number[]): Setting => {
    const { lines } = fit.set(c, width, rows);
    const merged = [...from.lines];
    for (const r of rows) merged[r] = lines[r]!;
    return { width, lines: merged };
  };
  const out: Setting[] = [];
  // Walked from the widest it may be, not from its natural width: no setting wider than `most` is kept, and a cell of
  // a few thousand characters is tens of thousands of points wide, a step of a quarter em each, each step setting the
  // cell again (a 5,000-character cell took longer than any build may: the bad-input corpus's table-cell-5000-chars).
  let last = at(Math.max(floor, Math.min(fit.natural[c]!, most)));
  for (;;) {
    // Narrower is no use once this column alone makes the table taller than scaling did.
    if (last.width <= least + 0.01 || last.width <= floor + 0.01 || sum(last.lines) > bound) break;
    // Next: a step narrower, or just as wide as the widest cell that would turn over, if that is wider.
    const asked = Math.max(floor, last.width - fit.stepPt, ...fit.oneLine[c]!.filter((w) => w < last.width - 0.01));
    let next = at(asked);
    if (same(next, last)) {
      last = next;
      continue;
    }
    let lo = asked;
    const differ = last.lines.flatMap((n, r) => (n === next.lines[r] ? [] : [r]));
    for (let i = 0; i < HALVINGS; i++) {
      const mid = between((lo + last.width) / 2, last, differ);
      if (same(mid, last)) last = mid;
      else [lo, next] = [(lo + last.width) / 2, mid];
    }
    if (last.width <= most + 0.01) out.push(last);
    last = next;
  }
  if (last.width <= most + 0.01 || out.length === 0) out.push(last);
  return out;
}

/** The most combinations of settings the search looks at: a table of many text columns is searched on fewer settings of each. */
const MOST_COMBINATIONS = 200_000;

/** Every other setting of the column with the most dropped (its widest and narrowest kept) until the search is small enough. */
function thinned(settings: Setting[][]): Setting[][] {
  const out = settings.map((s) => [...s]);
  while (out.reduce((n, s) => n * s.length, 1) > MOST_COMBINATIONS) {
    const most = out.reduce((a, s, c) => (s.length > out[a]!.length ? c : a), 0);
    const s = out[most]!;
    out[most] = s.filter((_, k) => k % 2 === 0 || k === s.length - 1);
  }
  return out;
}

interface Score {
  /** Lines turned over in columns of short entries (numbers, codes, names): these keep their width while a text column can give. */
  shortTurned: number;
  height: number;
  turned: number;
  /** The smallest share of its natural width any column keeps (larger is better). */
  share: number;
}

/** Is `a` worse than `b` before the share is looked at (so a search can stop going down a branch)? */
const worse = (a: Omit<Score, 'share'>, b: Score) =>
  a.shortTurned > b.shortTurned || (a.shortTurned === b.shortTurned && (a.height > b.height || (a.height === b.height && a.turned > b.turned)));

const better = (a: Score, b: Score | undefined) => !b || worse(b, a) || (!worse(a, b) && a.share > b.share + 1e-9);

/** The settings (an index per column) of the best table that fits `total` and is at most `bound` lines high, or undefined when none is. */
function search(settings: readonly Setting[][], short: readonly boolean[], total: number, bound: number): number[] | undefined {
  const rows = settings[0]?.[0]?.lines.length ?? 0;
  const narrowest = settings.map((s) => s.at(-1)!.width);
  // The narrowest the columns after column c can be, together.
  const after = settings.map((_, c) => sum(narrowest.slice(c + 1)));
  const natural = settings.map((s) => s[0]!.width);
  let best: { score: Score; pick: number[] } | undefined;
  const pick: number[] = [];
  const visit = (c: number, used: number, tallest: readonly number[], so: Score) => {
    const score = { ...so, height: sum(tallest) };
    if (score.height > bound || (best && worse(score, best.score))) return;
    if (c === settings.length) {
      if (better(score, best?.score)) best = { score, pick: [...pick] };
      return;
    }
    for (const [k, s] of settings[c]!.entries()) {
      if (used + s.width + after[c]! > total + 0.01) continue;
      pick[c] = k;
      const turned = sum(s.lines) - rows;
      visit(c + 1, used + s.width, tallest.map((t, r) => Math.max(t, s.lines[r]!)), {
        shortTurned: score.shortTurned + (short[c] ? turned : 0), height: 0, turned: score.turned + turned, share: Math.min(score.share, s.width / natural[c]!),
      });
    }
  };
  visit(0, 0, Array.from({ length: rows }, () => 1), { shortTurned: 0, height: 0, turned: 0, share: 1 });
  return best?.pick;
}
