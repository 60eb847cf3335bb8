/**
 * Footnotes (页下注). A note belongs to the line its mark is set in: the line
 * atom carries it (attachNotes), and the column flow sets it at the foot of
 * the column that line falls in (flow.ts). All the notes of a column stand
 * under one short rule, stacked in order, in 小五 (the caption size) body
 * type with their own mark first (①, 1, 〔1〕, * as the template's footnotes.style
 * says); together they take a whole number of grid lines, so the text above
 * them still ends on the grid (R-COL-1, R-COL-2). A note longer than the room
 * left is split between its lines and goes on at the foot of the next column.
 */
import { BODY, inlineRuns, type Line } from '../compose/index.ts';
import { blockKey, type Inline, noteRefsIn } from '../model/index.ts';
import type { Atom } from './atoms.ts';
import { blockLine } from './block-line.ts';
import { composeAt, type LayoutContext } from './context.ts';
import type { Geometry } from './geometry.ts';
import type { DisplayItem } from './types.ts';

/** Leading of note text, in its size. */
const NOTE_LEADING = 1.4;
/** The rule over the notes: a quarter of the column, this far above the first line's top, with this much clear above it. */
const RULE_FRACTION = 0.25;
const RULE_GAP_PT = 3;
const RULE_CLEAR_PT = 3;
const RULE_WIDTH_PT = 0.5;

/** The text lines of a note, or of the part of it set in one column. */
export interface NoteText {
  lines: readonly Line[];
  sizePt: number;
  leadPt: number;
  /** The note's manuscript block, and the place of the first of `lines` in it: a proof's page map names note lines by them (issue 23). */
  key?: string;
  from?: number;
}

/** Grid lines the notes take at a column foot: one rule, then their lines stacked. */
export function noteAreaLines(g: Geometry, notes: readonly Atom[]): number {
  const texts = notes.flatMap((n) => (n.footnote ? [n.footnote] : []));
  if (texts.length === 0) return 0;
  const { sizePt, leadPt } = texts[0]!;
  const count = texts.reduce((n, t) => n + t.lines.length, 0);
  // The first line's body (its size) and the others' leading, under the rule's gap and clearance.
  const height = RULE_CLEAR_PT + RULE_GAP_PT + sizePt + (count - 1) * leadPt;
  return Math.max(1, Math.ceil(height / g.pitchPt - 1e-9));
}

/** The notes of one column as one block at its foot: a single short rule, the notes under it in order. */
export function noteArea(g: Geometry, notes: readonly Atom[]): Atom {
  const gridLines = noteAreaLines(g, notes);
  const texts = notes.map((n) => n.footnote!);
  const lines = texts.flatMap((t) => t.lines);
  const tags = texts.flatMap((t) => t.lines.map((_, i) => blockLine(t.key, (t.from ?? 0) + i, true)));
  const { sizePt, leadPt } = texts[0]!;
  return {
    lines: gridLines, keepWithNextLines: 0, isFloat: true, placement: 'bottom', footnote: { lines, sizePt, leadPt },
    anchors: notes.flatMap((n) => n.anchors), sources: notes.flatMap((n) => n.sources ?? []),
    draw({ geometry, isRecto, column, line }): DisplayItem[] {
      // Set to the foot of its lines: the last baseline on the column's last grid line.
      const bottom = geometry.baseline(line + gridLines - 1) + 0.12 * geometry.bodySizePt;
      const first = bottom - 0.12 * sizePt - (lines.length - 1) * leadPt;
      const left = geometry.columnLeft(isRecto, column);
      const ruleY = first - 0.88 * sizePt - RULE_GAP_PT;
      return [
        { kind: 'rule', x1: left, y1: ruleY, x2: left + geometry.columnWidthPt * RULE_FRACTION, y2: ruleY, widthPt: RULE_WIDTH_PT },
        ...lines.map((l, i): DisplayItem => ({ kind: 'glyphs', x: left, y: first + i * leadPt, glyphs: l.glyphs, ...tags[i] })),
      ];
    },
  };
}

/** A note, or the part of one set in one column; it draws as a column's only note. */
function noteAtom(g: Geometry, text: NoteText, anchors: readonly string[], sources: Atom['sources']): Atom {
  const atom: Atom = {
    lines: 0, keepWithNextLines: 0, isFloat: true, placement: 'bottom', footnote: text, anchors, ...(sources ? { sources } : {}),
    draw: (at) => noteArea(g, [atom]).draw(at),
  };
  atom.lines = noteAreaLines(g, [atom]);
  return atom;
}

/**
 * What of `note` goes at a column foot that already holds `notes`, with
 * `room` grid lines free above them: all of it, its first lines and the rest
 * (for the next column's foot), or nothing.
 */
export function fitNote(g: Geometry, notes: readonly Atom[], note: Atom, room: number): { first: Atom; rest?: Atom } | undefined {
  const base = noteAreaLines(g, notes);
  const fits = (a: Atom) => noteAreaLines(g, [...notes, a]) - base <= room;
  if (fits(note)) return { first: note };
  const text = note.footnote!;
  const part = (from: number, to: number, anchors: readonly string[]) => noteAtom(g, { ...text, lines: text.lines.slice(from, to), from: (text.from ?? 0) + from }, anchors, note.sources);
  for (let k = text.lines.length - 1; k >= 1; k--) {
    const first = part(0, k, note.anchors);
    if (fits(first)) return { first, rest: part(k, text.lines.length, []) };
  }
  return undefined;
}

/** The notes referenced in `inlines`, by the id of their mark, set at the column's width. */
export function footnotesByMark(ctx: LayoutContext, inlines: readonly Inline[]): Map<string, Atom> {
  const size = ctx.template.caption.size_pt;
  const g = ctx.geometry;
  return new Map(noteRefsIn(inlines).map((ref) => {
    // The note's own mark at the note's size, then an en space (the mark in the text is the raised one).
    // A mark that ends in a bracket (〔1〕) has its blank half for the space.
    const runs = [{ kind: 'text' as const, text: /[〕）]$/.test(ref.mark) ? ref.mark : `${ref.mark}\u2002`, style: BODY }, ...inlineRuns(ref.note, BODY)];
    const lines = composeAt(ctx, { runs, indentEm: 0, align: 'justify' }, size, g.columnWidthPt);
    const key = blockKey(ref.note[0]?.source ?? ref.source);
    return [ref.id, noteAtom(g, { lines, sizePt: size, leadPt: size * NOTE_LEADING, ...(key ? { key } : {}) }, [`${ref.id}-note`], [ref.source])];
  }));
}

/** Each note goes with the line its mark is set in (one whose mark is not found, with the last line). */
export function attachNotes(atoms: Atom[], notes: ReadonlyMap<string, Atom>): Atom[] {
  if (notes.size === 0 || atoms.length === 0) return atoms;
  const left = new Map(notes);
  const out = atoms.map((atom) => {
    const mine = atom.anchors.flatMap((id) => {
      const note = left.get(id);
      left.delete(id);
      return note ? [note] : [];
    });
    return mine.length > 0 ? { ...atom, notes: mine } : atom;
  });
  if (left.size > 0) out[out.length - 1] = { ...out.at(-1)!, notes: [...(out.at(-1)!.notes ?? []), ...left.values()] };
  return out;
}
