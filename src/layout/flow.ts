/**
 * The column flow: the page make-up engine's filling of regions. Its items
 * (atoms.ts) are grid lines of composed text, unbreakable blocks, breakable
 * blocks (tables, their header repeated), floats (column-wide or page-wide, at
 * the top or foot), headings that keep lines after them (R-HEAD-3), the
 * widow penalty of a paragraph's last line (R-PAR-4), forced breaks, and
 * discardable space (dropped where it would open a column).
 *
 * Columns are filled to their last grid line (R-COL-1). When a column would
 * end short — a widow, a heading and its two lines, a block that does not fit —
 * an earlier paragraph of the column is set one line shorter (先挤) or
 * longer (后推) within the composer's limits, and the column filled again;
 * when nothing works the short column is kept and reported with its cause.
 * The columns of the flow's last page are balanced.
 *
 * Every page of the book with content is filled here: the body (part.ts),
 * 编辑说明 and the committee pages (front.ts, front-matter.ts), the 彩页
 * (galleries.ts: a banner band, each planned page an unbreakable block
 * after a forced break) and the 目录 and 索引 (leader-list.ts: each item a
 * block of the list's grid lines, discardable space before a group, a title
 * band); draft.ts's flowPageDraft makes their drafts. Only one designed page
 * (title, copyright, part opener) or a turned table's page is made elsewhere
 * (test/architecture-engine.test.ts checks it).
 */
import type { Atom } from './atoms.ts';
import { fitNote, noteArea, noteAreaLines } from './footnotes.ts';
import type { Geometry } from './geometry.ts';

/** Why a column ends short: a paragraph's last line would stand alone over the break, a heading without two lines, a block, or a credit line kept with its text's last lines. */
export type ShortCause = 'widow' | 'heading' | 'block' | 'credit';

/** A page of columns, each a list of atoms with the grid line each starts on. */
export interface FlowPage {
  columns: Array<Array<{ atom: Atom; line: number }>>;
  /** Atoms with pages of their own to follow this one (turned tables). */
  after?: Atom[];
  /** Columns that end short in mid-flow, with why (R-COL-1 findings). */
  short?: Array<{ column: number; lines: number; cause: ShortCause }>;
}

type Placed = FlowPage['columns'][number];

function used(column: Placed): number {
  const last = column.at(-1);
  return last ? last.line + last.atom.lines : 0;
}

/** Keeps lines free in the other columns under (or over, `placement` bottom) a page-wide atom. */
function spacer(lines: number, placement?: Atom['placement']): Atom {
  return { lines, keepWithNextLines: 0, isFloat: false, spansColumns: true, anchors: [], ...(placement ? { placement } : {}), draw: () => [] };
}

/** A page-wide float kept for the foot of the page (place="bottom"), or the lines it keeps free in another column. */
const isFootBand = (atom: Atom) => atom.spansColumns === true && atom.placement === 'bottom';


/** Lines the atom at `i` needs in one column: itself plus what it keeps with it. */
function needOf(atoms: readonly Atom[], i: number, first: Atom): number {
  if (first.keepWithNextLines === 0) return first.lines;
  let need = first.lines;
  let kept = 0;
  for (let j = i + 1; j < atoms.length && kept < first.keepWithNextLines; j++) {
    const next = atoms[j]!;
    if (next.isFloat) continue;
    // A breakable block keeps its first rows with the heading, not all of it.
    const lines = next.split ? Math.min(next.lines, first.keepWithNextLines) : next.lines;
    need += lines;
    kept += next.keepWithNextLines > 0 ? 0 : lines;
  }
  return need;
}

/** R-PAR-4: on the last line of a column, a paragraph's penultimate line would send its last one alone to the next column (widow). */
const widows = (atom: Atom, room: number) => room === 1 && atom.paragraph !== undefined && atom.paragraph.count >= 2 && atom.paragraph.index === atom.paragraph.count - 2;

/** The paragraph of the line at `i` is followed by a credit line. */
function creditAfter(atoms: readonly Atom[], i: number): boolean {
  const p = atoms[i]!.paragraph;
  return p !== undefined && atoms[i + p.count - p.index]?.keepWithPrevious === true;
}

/**
 * R-YB-4 with R-PAR-4: the atom at `i` and the rest of its paragraph would
 * fill the column, sending the credit line after them alone to the next
 * column's top. Asked at a paragraph's last two lines (one, if it has one), so
 * that two go over with the credit, not a widow. Returns the credit line.
 */
function partedCredit(atoms: readonly Atom[], i: number, room: number, take: 1 | 2 = 2): Atom | undefined {
  const atom = atoms[i]!;
  const p = atom.paragraph;
  if (atom.isFloat || (p && p.index !== Math.max(0, p.count - take))) return undefined;
  const lines = p ? p.count - p.index : atom.lines;
  const next = atoms[i + (p ? lines : 1)];
  return room === lines && next?.keepWithPrevious ? next : undefined;
}

/** Where the flow stands: the atom list (a fix-up replaces paragraphs in it), the next atom, what waits. */
interface FlowState {
  atoms: readonly Atom[];
  i: number;
  /** The rest of a breakable block split at the last column's foot. */
  carry: Atom | undefined;
  pages: FlowPage[];
  column: number;
  /** Column floats waiting for the top of a column (never reordered). */
  pending: Atom[];
  /** Floats kept for the foot of the current column (place="bottom"), and its footnotes. */
  foot: Atom[];
  /** Footnotes (or their rest) waiting for the next column's foot, in order. */
  notes: Atom[];
  /** Page-wide floats waiting for the top (or the foot, place="bottom") of a page. */
  spanning: Atom[];
  /** Page-wide floats kept for the foot of this page, across all its columns. */
  across: Atom[];
  /** Each float's turn in reading order, from when the flow first met it: no float overtakes an earlier one (a split's rest keeps its table's turn). */
  turns: Map<Atom, number>;
  /** The atom whose forced break was made (it then starts the new column or page). */
  brokeAt: number;
  /** Pieces of page-wide tables cut where their page ends: a page holding one takes no more page-wide floats (its rest goes on to the next page, never under it). */
  cut: WeakSet<Atom>;
}

type ColumnEnd = { kind: 'full' } | { kind: 'end' } | { kind: 'break'; page: boolean } | { kind: 'short'; lines: number; need: number; cause: ShortCause };

/** What restores a state to the start of its current column. */
interface Snapshot {
  atoms: readonly Atom[];
  i: number;
  carry: Atom | undefined;
  pending: Atom[];
  spanning: Atom[];
  foot: Atom[];
  notes: Atom[];
  across: Atom[];
  pageCount: number;
  column: number;
  lengths: number[];
  after: number;
}

function snapshot(s: FlowState): Snapshot {
  return { atoms: s.atoms, i: s.i, carry: s.carry, pending: [...s.pending], spanning: [...s.spanning], foot: [...s.foot], notes: [...s.notes], across: [...s.across], pageCount: s.pages.length, column: s.column, lengths: s.pages.at(-1)!.columns.map((c) => c.length), after: s.pages.at(-1)!.after?.length ?? 0 };
}

function restore(s: FlowState, snap: Snapshot): void {
  Object.assign(s, { atoms: snap.atoms, i: snap.i, column: snap.column, carry: snap.carry, pending: [...snap.pending], spanning: [...snap.spanning], foot: [...snap.foot], notes: [...snap.notes], across: [...snap.across] });
  s.pages.length = snap.pageCount;
  const page = s.pages.at(-1)!;
  page.columns.forEach((c, k) => (c.length = snap.lengths[k]!));
  if (page.after) page.after.length = snap.after;
}

/** Fills regions of `g.columns` columns of `capacity` lines with atoms. */
class ColumnFlow {
  /**
   * `shareFloats` (balancing a last page): a breakable float (a column table) that does not fit is split here rather than sent on;
   * and a paragraph's last line alone may go over with its credit line (the columns' evenness weighs more than R-PAR-4 there).
   */
  constructor(private readonly g: Geometry, private readonly capacity: number, private readonly s: FlowState, private readonly shareFloats = false) {}

  private current(): Placed {
    return this.s.pages.at(-1)!.columns[this.s.column]!;
  }

  private footLines(): number {
    // Most columns have nothing at their foot, and the room is asked for every atom placed.
    if (this.s.foot.length === 0 && this.s.across.length === 0) return 0;
    return this.s.foot.reduce((n, a) => n + (a.footnote ? 0 : a.lines), 0) + this.acrossLines() + noteAreaLines(this.g, this.footnotes());
  }

  private footnotes(): Atom[] {
    return this.s.foot.filter((a) => a.footnote);
  }

  /** A footnote goes to the foot of this column (its mark's line is here), or begins here and goes on at the next column's; notes keep their order. */
  private placeNote(note: Atom): void {
    const fit = this.s.notes.length === 0 ? fitNote(this.g, this.footnotes(), note, this.room()) : undefined;
    if (fit) this.s.foot.push(fit.first);
    if (!fit || fit.rest) this.s.notes.push(fit?.rest ?? note);
  }

  /** A line whose footnote could not even begin at this foot if the line were set here. */
  private crowdsNote(atom: Atom, room: number): boolean {
    return atom.notes !== undefined && this.s.notes.length === 0 && fitNote(this.g, this.footnotes(), atom.notes[0]!, room - 1) === undefined;
  }

  private acrossLines(): number {
    return this.s.across.reduce((n, a) => n + a.lines, 0);
  }

  /** The float's turn in reading order (given when first met). */
  private turn(atom: Atom): number {
    const { turns } = this.s;
    if (!turns.has(atom)) turns.set(atom, turns.size);
    return turns.get(atom)!;
  }

  /** A float (or a table's rest) that is not a footnote waits in `queue` with a turn before `atom`'s: `atom` must wait too. */
  private waitsBehind(atom: Atom, queue: readonly Atom[]): boolean {
    const turn = this.turn(atom);
    return queue.some((a) => !a.footnote && this.s.turns.has(a) && this.s.turns.get(a)! < turn);
  }

  /** The rest of a split atom keeps its turn. */
  private restOf(atom: Atom, rest: Atom): Atom {
    if (this.s.turns.has(atom)) this.s.turns.set(rest, this.s.turns.get(atom)!);
    return rest;
  }

  room(): number {
    return this.capacity - used(this.current()) - this.footLines();
  }

  /** Nothing but page-wide bands is in the current column yet. */
  private atTop(): boolean {
    return this.current().every((p) => p.atom.spansColumns);
  }

  private put(atom: Atom): void {
    this.current().push({ atom, line: used(this.current()) });
  }

  /**
   * A new page: page-wide floats take its top across all columns, or its
   * foot (place="bottom"), in reading order: none goes ahead of a column
   * float met before it, and none after one kept for the foot.
   */
  newPage(): void {
    this.s.pages.push({ columns: Array.from({ length: this.g.columns }, () => []) });
    this.s.column = 0;
    this.s.across = [];
    for (;;) {
      const next = this.s.spanning[0];
      const earlier = this.s.carry ? [...this.s.pending, this.s.carry] : this.s.pending;
      if (!next || this.s.across.length > 0 || this.waitsBehind(next, earlier) || !this.placeSpanning(next)) break;
      this.s.spanning.shift();
    }
  }

  private placeSpanning(atom: Atom): boolean {
    return atom.placement === 'bottom' ? this.keepForFoot(atom) : this.placeAcross(atom);
  }

  /**
   * A page-wide float for the foot of this page (place="bottom"): kept there
   * when every column of the page still has room above it, the columns then
   * filled down to it (full, so balanced over it, R-COL-1).
   */
  private keepForFoot(atom: Atom): boolean {
    const page = this.s.pages.at(-1)!;
    const free = this.capacity - this.acrossLines() - atom.lines;
    const closed = page.columns.slice(0, this.s.column);
    const isBlank = this.s.across.length === 0 && page.columns.every((c) => c.length === 0);
    if (!isBlank && (closed.some((c) => used(c) > free) || this.room() < atom.lines)) return false;
    this.s.across.push(atom);
    return true;
  }

  /**
   * A page-wide float goes at the top of this page while nothing but such
   * floats is on it; a breakable one (a wide table) is cut where the page
   * ends, its rest first in the queue for the next page.
   */
  private placeAcross(atom: Atom, under = false): boolean {
    const page = this.s.pages.at(-1)!;
    const line = under ? Math.max(...page.columns.map(used)) : used(page.columns[0]!);
    if (!under && (this.s.column !== 0 || !page.columns.every((c) => c.every((p) => p.atom.spansColumns)))) return false;
    if (page.columns[0]!.some((p) => this.s.cut.has(p.atom))) return false;
    const room = this.capacity - this.acrossLines() - line;
    const parts = atom.lines > room && atom.split ? atom.split(room) : undefined;
    if (atom.lines > room && !parts && line > 0) return false;
    const placed = parts ? parts.first : atom;
    page.columns.forEach((col, c) => col.push({ atom: c === 0 ? placed : spacer(placed.lines), line }));
    if (parts) {
      this.s.cut.add(parts.first);
      this.s.spanning.splice(this.s.spanning[0] === atom ? 1 : 0, 0, this.restOf(atom, parts.rest));
    }
    return true;
  }

  /**
   * Where the flow has ended and only page-wide floats wait: they go under
   * the columns of this page while they fit (its last piece, balanced over
   * them by balanceLastPage), not onto a page of their own.
   */
  placeUnder(): void {
    const { s } = this;
    if (s.carry || s.across.length > 0 || !this.onlyLaterColumnFloatsWait()) return;
    while (s.spanning.length > 0 && s.spanning[0]!.placement !== 'bottom' && this.placeAcross(s.spanning[0]!, true)) {
      s.spanning.shift();
      s.column = this.g.columns - 1;
    }
    if (s.spanning.length === 0) this.placePendingUnder();
  }

  /**
   * No column float waits, or those that do wait only for their turn behind
   * the page-wide ones (a column table after a wide one, at a part's end:
   * both went to a page of their own, the page before left with an empty
   * column).
   */
  private onlyLaterColumnFloatsWait(): boolean {
    const { s } = this;
    if (s.pending.length === 0) return true;
    const lastWide = Math.max(-1, ...s.spanning.map((a) => s.turns.get(a) ?? Infinity));
    return s.spanning.length > 0 && s.pending.every((a) => (s.turns.get(a) ?? -1) > lastWide);
  }

  /** Column floats waiting when the flow ends, under the page-wide ones in the first column while they fit. */
  private placePendingUnder(): void {
    const { s } = this;
    const page = s.pages.at(-1)!;
    let line = Math.max(...page.columns.map(used));
    while (s.pending.length > 0 && line + s.pending[0]!.lines <= this.capacity - this.acrossLines()) {
      const atom = s.pending.shift()!;
      page.columns[0]!.push({ atom, line });
      line += atom.lines;
    }
  }

  /** Sets the column's foot: its foot floats, its footnotes under one rule, then the page-wide floats kept for the page's foot (the lines they keep free, in the later columns). */
  closeColumn(): void {
    let line = this.capacity - this.footLines();
    const notes = this.footnotes();
    for (const atom of [...this.s.foot.filter((a) => !a.footnote), ...(notes.length > 0 ? [noteArea(this.g, notes)] : [])]) {
      this.current().push({ atom, line });
      line += atom.lines;
    }
    for (const atom of this.s.across) {
      this.current().push({ atom: this.s.column === 0 ? atom : spacer(atom.lines, 'bottom'), line });
      line += atom.lines;
    }
    this.s.foot = [];
  }

  /** Closes this column and the rest of the page (the lines kept free under a page-wide foot float). */
  closePage(): void {
    this.closeColumn();
    while (this.s.across.length > 0 && this.s.column < this.g.columns - 1) {
      this.s.column++;
      this.closeColumn();
    }
  }

  nextColumn(): void {
    this.closeColumn();
    this.s.column++;
    if (this.s.column === this.g.columns) this.newPage();
    for (const note of this.s.notes.splice(0)) this.placeNote(note);
    this.placePending();
  }

  private placePending(): void {
    const { pending } = this.s;
    // A credit line that ends the text of the last column comes before the floats (R-YB-5).
    if ((this.s.carry ?? this.s.atoms[this.s.i])?.keepWithPrevious) return;
    while (pending.length > 0 && (pending[0]!.lines <= this.room() || used(this.current()) === 0)) {
      // No float overtakes a page-wide one met before it (it waits for that one's page).
      if (this.waitsBehind(pending[0]!, this.s.spanning)) break;
      const atom = pending.shift()!;
      // A figure asked for at the foot waits for the next column's foot, not its top.
      if (atom.placement === 'bottom') this.s.foot.push(atom);
      else this.put(atom);
    }
    this.splitPending();
  }

  /** A table waiting for a column top that the room left cannot hold whole: its first rows here, the rest on in the next column under 续表 (no page left part-empty for it). */
  private splitPending(): void {
    const next = this.s.pending[0];
    if (!next?.split || next.footnote || next.placement || this.s.carry || this.room() <= 0 || this.waitsBehind(next, this.s.spanning)) return;
    const parts = next.split(this.room());
    if (!parts) return;
    this.s.pending.shift();
    this.put(parts.first);
    this.s.carry = this.restOf(next, parts.rest);
  }

  private placeFloat(atom: Atom): void {
    const fits = this.s.pending.length === 0 && !this.waitsBehind(atom, this.s.spanning) && atom.lines <= this.room();
    if (atom.placement === 'bottom' && fits) this.s.foot.push(atom);
    else if (atom.placement !== 'top' && atom.placement !== 'bottom' && fits) this.put(atom);
    else this.s.pending.push(atom);
  }

  /** Past the atom just placed or passed over: the carried rest of a split block, else the next atom. */
  private advance(fromCarry: boolean): void {
    if (fromCarry) this.s.carry = undefined;
    else this.s.i++;
  }

  /** Places atoms in the current column until it is full, must end short, or the atoms end. */
  fill(): ColumnEnd {
    const s = this.s;
    for (;;) {
      const fromCarry = s.carry !== undefined;
      const atom = s.carry ?? s.atoms[s.i];
      if (!atom) return { kind: 'end' };
      const isEmpty = used(this.current()) === 0;
      if (atom.discardable && this.atTop()) {
        this.advance(fromCarry);
        continue;
      }
      if (atom.breakBefore && !fromCarry && s.brokeAt !== s.i && !(isEmpty && (atom.breakBefore === 'column' || s.column === 0))) {
        s.brokeAt = s.i;
        return { kind: 'break', page: atom.breakBefore === 'page' };
      }
      if (atom.isFloat || atom.spansColumns) this.turn(atom); // its turn is when it is met
      if (atom.pagesAfter) {
        (s.pages.at(-1)!.after ??= []).push(atom);
        this.advance(fromCarry);
        continue;
      }
      if (atom.spansColumns) {
        if (s.spanning.length > 0 || this.waitsBehind(atom, s.pending) || !this.placeSpanning(atom)) s.spanning.push(atom);
        this.advance(fromCarry);
        continue;
      }
      if (atom.isFloat) {
        const parts = this.shareFloats && s.pending.length === 0 && s.spanning.length === 0 && atom.lines > this.room() ? atom.split?.(this.room()) : undefined;
        if (parts) {
          this.put(parts.first);
          this.advance(fromCarry);
          s.carry = this.restOf(atom, parts.rest);
          return { kind: 'full' };
        }
        this.placeFloat(atom);
        this.advance(fromCarry);
        continue;
      }
      const room = this.room();
      if (room <= 0 && !isEmpty) return { kind: 'full' };
      if (atom.split && atom.lines > room) {
        const parts = atom.split(room);
        if (parts) {
          this.put(parts.first);
          if (!fromCarry) s.i++;
          s.carry = this.restOf(atom, parts.rest);
          return { kind: 'full' };
        }
      }
      const need = Math.min(fromCarry ? atom.lines : needOf(s.atoms, s.i, atom), this.capacity);
      if (!isEmpty && need > room) return { kind: 'short', lines: room, need, cause: atom.keepWithNextLines > 0 ? 'heading' : 'block' };
      if (!isEmpty && widows(atom, room) && !(this.shareFloats && creditAfter(s.atoms, s.i))) return { kind: 'short', lines: 1, need: 2, cause: 'widow' };
      if (!isEmpty && this.crowdsNote(atom, room)) return { kind: 'short', lines: room, need: room + 1, cause: 'block' };
      // The credit line goes over with the last line(s) of its text, or the column is set a line tighter to take it (R-YB-4).
      const credit = !isEmpty && !fromCarry ? partedCredit(s.atoms, s.i, room, this.shareFloats ? 1 : 2) : undefined;
      if (credit) return { kind: 'short', lines: room, need: room + credit.lines, cause: 'credit' };
      this.put(atom);
      this.advance(fromCarry);
      for (const note of atom.notes ?? []) this.placeNote(note);
      if (atom.keepWithPrevious && this.s.pending.length > 0) this.placePending();
    }
  }
}

/** What a column's make-up may set one line shorter or longer: a paragraph (its lines), a heading (its space, R-HEAD-1) or a photo (its room). */
interface ParagraphSpan {
  from: number;
  count: number;
  adjust: (delta: 1 | -1) => Atom[] | undefined;
  /** For a give that is not a paragraph's: how much it shows, as a spread in em (a heading's, HEADING_GIVE_EM, when absent). */
  giveCost?: number;
}

/** Paragraphs whose first line is in the column being filled (atoms from..to), and its headings and photos (their give), nearest the foot first. */
function paragraphsIn(atoms: readonly Atom[], from: number, to: number): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  for (let i = from; i < Math.min(to, atoms.length); i++) {
    const atom = atoms[i]!;
    const p = atom.paragraph;
    if (p?.index === 0 && p.relines && p.count >= 2) spans.push({ from: i, count: p.count, adjust: (delta) => p.relines!(p.count + delta) });
    // A heading right under a photo takes no give: its extra line would read as room under the caption, the photo then nearer the text above than below (R-YB-5).
    else if (atom.resize && !atoms[i - 1]?.isFloat) {
      // What the atom was given besides (its sources) goes with it.
      spans.push({ from: i, count: 1, adjust: (delta) => ((a) => (a ? [{ ...atom, ...a }] : undefined))(atom.resize!(delta)), ...(atom.giveCost === undefined ? {} : { giveCost: atom.giveCost }) });
    }
  }
  return spans.reverse();
}

/** `atoms` with `delta` added to the line count of each of `spans` (each by one), or undefined when one cannot be set so. */
function relined(atoms: readonly Atom[], spans: readonly ParagraphSpan[], delta: 1 | -1): Atom[] | undefined {
  const out = [...atoms];
  for (const span of [...spans].sort((a, b) => b.from - a.from)) {
    const lines = span.adjust(delta);
    if (!lines) return undefined;
    out.splice(span.from, span.count, ...lines);
  }
  return out;
}

/** At most this many paragraphs of a column, or of the columns before it on the page, are set a line shorter or longer to fill it. */
const COLUMN_FIXES = 4;
const PAGE_FIXES = 6;

/**
 * A paragraph set a line longer spreads its characters: by this much per gap
 * at most it still reads as set (a proofreader saw paragraphs spread by
 * 0.1 em stand out against the next; R-JUS-7 calls ⅓ em loose). A six-line
 * paragraph pushed to seven took 0.25 em where a longer one a few lines up
 * would have taken 0.04 (p. 298).
 */
const EVEN_SPREAD_EM = 0.05;
/** A heading given a line stands a line lower than its like (a proofreader saw it): about as visible as a paragraph spread by this much. */
const HEADING_GIVE_EM = 0.07;

/** The widest spread per gap among `atoms`' lines; undefined for what has no composed lines (a heading's space). */
const widestSpread = (atoms: readonly Atom[]) => atoms.some((a) => a.composed) ? atoms.reduce((most, a) => Math.max(most, a.composed?.spreadEm ?? 0), 0) : undefined;

/**
 * The first `n` of `spans` that can be set with `delta` lines more, asking
 * no more of them than needed. A line less (挤) goes to the first that can
 * take it. A line more (推) goes to paragraphs that take it evenly
 * (EVEN_SPREAD_EM), in `spans`' order, where there are enough of them; else
 * to what shows least: paragraphs by their widest spread, a photo's or a
 * heading's give by its giveCost.
 */
function firstUsable(spans: readonly ParagraphSpan[], n: number, delta: 1 | -1): ParagraphSpan[] {
  if (delta === -1) {
    const out: ParagraphSpan[] = [];
    for (const span of spans) {
      if (out.length === n) break;
      if (span.adjust(delta)) out.push(span);
    }
    return out;
  }
  // Spans are asked in order until `n` take the line evenly: those are the choice, and
  // setting the rest a line longer would be work thrown away (a third of the make-up's).
  const usable: Array<{ span: ParagraphSpan; isEven: boolean; cost: number }> = [];
  let evenCount = 0;
  for (const span of spans) {
    const lines = span.adjust(delta);
    if (!lines) continue;
    const spread = widestSpread(lines);
    const isEven = spread !== undefined && spread <= EVEN_SPREAD_EM;
    usable.push({ span, isEven, cost: spread ?? span.giveCost ?? HEADING_GIVE_EM });
    if (isEven && ++evenCount === n) break;
  }
  const even = usable.filter((u) => u.isEven);
  const chosen = even.length >= n ? even.slice(0, n) : [...usable].sort((a, b) => a.cost - b.cost).slice(0, n);
  // In the column's order again, as relined() and the near and far tries expect.
  const taken = new Set(chosen.map((u) => u.span));
  return spans.filter((span) => taken.has(span));
}

/** The ways to fill a short column, fewest changed paragraphs first: shorter (pull the next atoms up) or longer (push lines down). */
function fixes(atoms: readonly Atom[], from: number, to: number, end: Extract<ColumnEnd, { kind: 'short' }>, most: number): Array<() => Atom[] | undefined> {
  const spans = paragraphsIn(atoms, from, to);
  const ways = [{ n: end.need - end.lines, delta: -1 as const }, { n: end.lines, delta: 1 as const }]
    .filter((w) => w.n > 0 && w.n <= most && w.n <= spans.length)
    .sort((a, b) => a.n - b.n || a.delta - b.delta);
  // The paragraphs nearest the foot that can be set so; then those farthest from it.
  return ways.flatMap((w) => [
    () => {
      const near = firstUsable(spans, w.n, w.delta);
      return near.length === w.n ? relined(atoms, near, w.delta) : undefined;
    },
    () => {
      const far = firstUsable([...spans].reverse(), w.n, w.delta);
      return far.length === w.n && spans.length > w.n ? relined(atoms, far, w.delta) : undefined;
    },
  ]);
}

/** Atoms that keep with the text before them go ahead of the floats in between (a credit line before the section's last figure). */
function keptBeforeFloats(atoms: readonly Atom[]): readonly Atom[] {
  if (!atoms.some((a) => a.keepWithPrevious)) return atoms;
  const out: Atom[] = [];
  for (const atom of atoms) {
    let at = out.length;
    if (atom.keepWithPrevious) while (at > 0 && out[at - 1]!.isFloat) at--;
    out.splice(at, 0, atom);
  }
  return out;
}

/** Floats still wait when the atoms end: the flow goes on in the next columns (a table among them may leave its rest to flow there). */
const waiting = (s: FlowState) => s.pending.length > 0 || s.spanning.length > 0 || s.notes.length > 0;

/**
 * Flows `atoms` into pages of `g.columns` columns of `capacity` lines, keeping
 * columns full where it can (`fill`: balancing a last page tries many heights and needs no fix).
 */
export function flowAtoms(atoms: readonly Atom[], g: Geometry, capacity = g.linesPerColumn, fill = true): FlowPage[] {
  const s: FlowState = { atoms: keptBeforeFloats(atoms), i: 0, carry: undefined, pages: [], column: 0, pending: [], foot: [], notes: [], spanning: [], across: [], turns: new Map(), brokeAt: -1, cut: new WeakSet() };
  const flow = new ColumnFlow(g, capacity, s, !fill);
  flow.newPage();
  const starts: Snapshot[] = [];
  for (;;) {
    const column = snapshot(s);
    if (s.column === 0) starts[s.pages.length - 1] = column;
    let end = flow.fill();
    if (end.kind === 'short' && fill) end = fixShort(flow, s, starts, column, end);
    if (end.kind === 'end') flow.placeUnder();
    if (end.kind === 'end' && !waiting(s)) break;
    if (end.kind === 'short') (s.pages.at(-1)!.short ??= []).push({ column: s.column, lines: end.lines, cause: end.cause });
    if (end.kind === 'break' && end.page) while (s.column < g.columns - 1) flow.nextColumn();
    flow.nextColumn();
  }
  flow.closePage();
  return s.pages;
}

/** Where a column is: its page (0-based) and column. */
interface ColumnAt {
  page: number;
  column: number;
}

/**
 * Tries each fix of a short column from the column's start, then from the
 * page's, then from the previous page's (paragraphs of the columns before it
 * may give or take the line: 先挤后推 over a spread of columns); keeps the
 * first that fills it, else the column as it was.
 */
function fixShort(flow: ColumnFlow, s: FlowState, starts: Snapshot[], column: Snapshot, end: Extract<ColumnEnd, { kind: 'short' }>): ColumnEnd {
  const target: ColumnAt = { page: s.pages.length - 1, column: s.column };
  const original = s.atoms;
  for (const fix of fixes(s.atoms, column.i, s.i + 1, end, COLUMN_FIXES)) {
    const atoms = fix();
    if (!atoms) continue;
    restore(s, column);
    s.atoms = atoms;
    const again = flow.fill();
    if (again.kind !== 'short') return again;
  }
  let earliest: Snapshot | undefined;
  for (const from of [target.page, target.page - 1]) {
    const start = starts[from];
    // The columns between ended full (no finding, no forced break): they may be filled again.
    if (start === column) continue;
    if (!start || s.brokeAt >= start.i || s.pages.slice(from).some((p) => p.short)) break;
    earliest = start;
    for (const fix of fixes(original, start.i, s.i + 1, end, PAGE_FIXES)) {
      const atoms = fix();
      if (!atoms) continue;
      restore(s, start);
      s.atoms = atoms;
      const again = refillTo(flow, s, starts, target);
      if (again && again.kind !== 'short') return again;
    }
  }
  if (!earliest) {
    restore(s, column);
    return flow.fill();
  }
  // Nothing filled it: the pages as they were.
  restore(s, earliest);
  s.atoms = original;
  return refillTo(flow, s, starts, target)!;
}

/** Fills the columns before `target` again (noting where pages start); undefined when one of them does not end full. */
function refillTo(flow: ColumnFlow, s: FlowState, starts: Snapshot[], target: ColumnAt): ColumnEnd | undefined {
  for (;;) {
    if (s.column === 0) starts[s.pages.length - 1] = snapshot(s);
    const end = flow.fill();
    if (s.pages.length - 1 === target.page && s.column === target.column) return end;
    if (end.kind !== 'full' && !(end.kind === 'end' && waiting(s))) return undefined;
    flow.nextColumn();
  }
}

/**
 * R-COL-1: the last page of a flow gets columns of equal length (the last
 * one may be shorter), by flowing its atoms again into shorter columns (the
 * last page with anything in columns, when page-wide floats follow it); the
 * page-wide floats at its top stay there, the columns balanced under them,
 * and a column table is shared between the columns under 续表.
 */
export function balanceLastPage(pages: FlowPage[], g: Geometry): FlowPage[] {
  // Page-wide floats that went on to pages of their own (the 附录's tables): the page before them is the flow's last in columns.
  const lastInColumns = pages.findLastIndex((page) => page.columns.some((col) => col.some((p) => !p.atom.spansColumns)));
  if (lastInColumns >= 0 && lastInColumns < pages.length - 1) return [...balanceLastPage(pages.slice(0, lastInColumns + 1), g), ...pages.slice(lastInColumns + 1)];
  const last = pages.at(-1)!;
  const cut = underColumns(last);
  if (cut !== undefined) return balancedOver(pages, g, cut);
  // The page-wide atoms are in the first column, the lines they keep free (spacers) in the others.
  // A page-wide float at the page's foot first: it is kept there before the columns above it are filled.
  const own = last.columns.flatMap((col, c) => col.filter((p) => c === 0 || !p.atom.spansColumns)).map((p) => p.atom);
  const atoms = [...own.filter((a) => a.spansColumns && !isFootBand(a)), ...own.filter(isFootBand), ...own.filter((a) => !a.spansColumns)];
  const lengths = columnLengths(last);
  const evenEnough = Math.max(...lengths) - Math.min(...lengths) <= 1;
  if (g.columns < 2 || (evenEnough && shortensRightward(last))) return pages;
  if (atoms.some((a) => a.placement === 'bottom' && !a.spansColumns)) return pages; // foot floats fix the columns
  const done = (page: FlowPage): FlowPage[] => [...pages.slice(0, -1), { columns: page.columns.map((col) => atPageFoot(col, g)), ...(last.after ? { after: last.after } : {}) }];
  if (evenEnough) {
    const level = shortRight(atoms, g, last);
    return level === last ? pages : done(level);
  }
  const across = atoms.filter((a) => a.spansColumns).reduce((n, a) => n + a.lines, 0);
  const inColumns = atoms.filter((a) => !a.spansColumns);
  if (inColumns.length === 0) return pages;
  const total = inColumns.reduce((n, a) => n + a.lines, 0);
  const tallest = Math.max(...inColumns.map((a) => (a.split ? 1 : a.lines)));
  const least = across + Math.max(tallest, Math.ceil(total / g.columns));
  for (let capacity = least; capacity <= g.linesPerColumn; capacity++) {
    const again = flowAtoms(atoms, g, capacity, false);
    // Short columns must not cut a heading from its text (R-HEAD-3): then try longer ones.
    if (again.length === 1 && !leavesAHeading(again[0]!)) return done(shortRight(atoms, g, isEven(again[0]!) ? again[0]! : evenedOut(atoms, g, least, capacity) ?? again[0]!));
  }
  return pages;
}

/** Columns that end within a line of each other (R-COL-1); an empty one is no column. */
function isEven(page: FlowPage): boolean {
  const lengths = columnLengths(page).filter((n) => n > 0);
  return Math.max(...lengths) - Math.min(...lengths) <= 1;
}

/**
 * The last page's columns level where balancing them as they are leaves them
 * two lines apart: a widow kept off the right column's top left the left
 * column a line long (p. 179, 15 lines against 13). Tried at the heights up
 * to the one balancing found, with one paragraph set a line looser (后推),
 * the last first: a paragraph set a line tighter to level p. 335 had its
 * stops squeezed on seven lines of ten, and read cramped beside the others.
 * Undefined when none gives one page of even columns.
 */
function evenedOut(atoms: readonly Atom[], g: Geometry, least: number, most: number): FlowPage | undefined {
  const fits = (pages: FlowPage[]) => pages.length === 1 && !leavesAHeading(pages[0]!) && isEven(pages[0]!) && shortensRightward(pages[0]!);
  const spans = paragraphsIn(atoms, 0, atoms.length);
  for (let capacity = least; capacity <= most; capacity++) {
    for (const span of spans) {
      const looser = relined(atoms, [span], 1);
      const page = looser && flowAtoms(looser, g, capacity, false);
      if (page && fits(page)) return page[0]!;
    }
  }
  return undefined;
}

/** The lengths of a page's columns, page-wide bands at its foot left out. */
const columnLengths = (page: FlowPage) => page.columns.map((col) => used(col.filter((p) => !isFootBand(p.atom))));
/** No column is longer than the one before it. */
const shortensRightward = (page: FlowPage) => columnLengths(page).every((n, c, all) => c === 0 || n <= all[c - 1]!);

/**
 * A balanced page whose right column came out longer (the left ended short
 * before a heading that keeps its lines, p. 299): the columns filled to the
 * longest, earlier paragraphs set a line looser or tighter as in mid-part
 * (先挤后推), so that they end level; else the page as balanced.
 */
function shortRight(atoms: readonly Atom[], g: Geometry, page: FlowPage): FlowPage {
  if (shortensRightward(page)) return page;
  const again = flowAtoms(atoms, g, Math.max(...columnLengths(page)), true);
  return again.length === 1 && !leavesAHeading(again[0]!) && shortensRightward(again[0]!) ? again[0]! : page;
}

/** The first line of page-wide atoms set under the columns where the flow ended (placeUnder), if any. */
function underColumns(page: FlowPage): number | undefined {
  const wide = page.columns[0]!.find((p) => p.atom.spansColumns && !isFootBand(p.atom) && page.columns.some((col) => col.some((q) => !q.atom.spansColumns && q.line < p.line)));
  return wide?.line;
}

/** R-COL-1: the columns over the page-wide atoms under them balanced, those atoms moved up under them. */
function balancedOver(pages: FlowPage[], g: Geometry, cut: number): FlowPage[] {
  const last = pages.at(-1)!;
  const over = balanceLastPage([...pages.slice(0, -1), { ...last, columns: last.columns.map((col) => col.filter((p) => p.line < cut)) }], g).at(-1)!;
  const shift = Math.max(...over.columns.map(used)) - cut;
  const columns = over.columns.map((col, c) => [...col, ...last.columns[c]!.filter((p) => p.line >= cut).map((p) => ({ ...p, line: p.line + shift }))]);
  return [...pages.slice(0, -1), { ...over, columns }];
}

/** The page-wide floats kept for the foot (and the lines they keep free) moved down to the page's foot under balanced columns. */
function atPageFoot(column: Placed, g: Geometry): Placed {
  let line = g.linesPerColumn - column.filter((p) => isFootBand(p.atom)).reduce((n, p) => n + p.atom.lines, 0);
  return column.map((p) => {
    if (!isFootBand(p.atom)) return p;
    const at = { ...p, line };
    line += p.atom.lines;
    return at;
  });
}

/** A heading ends a column while text follows in a later one. */
function leavesAHeading(page: FlowPage): boolean {
  return page.columns.some((col, c) => (col.at(-1)?.atom.keepWithNextLines ?? 0) > 0 && page.columns.slice(c + 1).some((later) => later.length > 0));
}
