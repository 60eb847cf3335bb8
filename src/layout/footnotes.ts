/**
 * Footnotes (页下注) at the foot of the column: each paragraph's notes follow
 * its lines in the flow as foot floats (flow.ts keeps them at the foot of the
 * column they fall in, or of the next when no room is left), set in 小五
 * (the caption size) body type under a short rule, the mark (①) first. A note
 * longer than the room left is split between its lines and goes on at the
 * foot of the next column.
 */
import { BODY, inlineRuns, type Line } from '../compose/index.ts';
import { blockKey, type Inline, noteMark, noteRefsIn, type NoteRef } from '../model/index.ts';
import { blockLine } from './block-line.ts';
import type { Atom, Placement } from './atoms.ts';
import { composeAt, type LayoutContext } from './context.ts';
import type { DisplayItem } from './types.ts';

/** Leading of note text, in its size. */
const NOTE_LEADING = 1.4;
/** The rule over the notes: a quarter of the column, this far above the first line's top. */
const RULE_FRACTION = 0.25;
const RULE_GAP_PT = 3;
const RULE_WIDTH_PT = 0.5;

/** `from`: the place of the first of `lines` in the note (a note split between columns goes on from there). */
function noteAtom(ctx: LayoutContext, ref: NoteRef, lines: readonly Line[], size: number, from = 0): Atom {
  const g = ctx.geometry;
  const lead = size * NOTE_LEADING;
  const height = RULE_GAP_PT + size + (lines.length - 1) * lead + 0.12 * size;
  const gridLines = Math.max(1, Math.ceil(height / g.pitchPt));
  return {
    lines: gridLines, keepWithNextLines: 0, isFloat: true, placement: 'bottom', footnote: true, anchors: [`${ref.id}-note`], sources: [ref.source],
    split(room) {
      const fit = Math.floor((room * g.pitchPt - RULE_GAP_PT - size - 0.12 * size) / lead) + 1;
      if (fit < 1 || fit >= lines.length) return undefined;
      return { first: noteAtom(ctx, ref, lines.slice(0, fit), size, from), rest: noteAtom(ctx, ref, lines.slice(fit), size, from + fit) };
    },
    draw({ geometry, isRecto, column, line }: Placement): DisplayItem[] {
      // Set to the foot of its lines: the last baseline on the column's last grid line.
      const bottom = geometry.baseline(line + gridLines - 1) + 0.12 * geometry.bodySizePt;
      const first = bottom - 0.12 * size - (lines.length - 1) * lead;
      const left = geometry.columnLeft(isRecto, column);
      const ruleY = first - 0.88 * size - RULE_GAP_PT;
      return [
        { kind: 'rule', x1: left, y1: ruleY, x2: left + geometry.columnWidthPt * RULE_FRACTION, y2: ruleY, widthPt: RULE_WIDTH_PT },
        ...lines.map((l, i): DisplayItem => ({ kind: 'glyphs', x: left, y: first + i * lead, glyphs: l.glyphs, ...blockLine(blockKey(ref.note[0]?.source ?? ref.source), from + i, true) })),
      ];
    },
  };
}

/** The foot floats of the notes referenced in `inlines`, set at the column's width. */
export function footnoteAtoms(ctx: LayoutContext, inlines: readonly Inline[]): Atom[] {
  const size = ctx.template.caption.size_pt;
  return noteRefsIn(inlines).map((ref) => {
    const runs = [{ kind: 'text' as const, text: `${noteMark(ref.number)}\u2002`, style: BODY }, ...inlineRuns(ref.note, BODY)];
    return noteAtom(ctx, ref, composeAt(ctx, { runs, indentEm: 0, align: 'justify' }, size, ctx.geometry.columnWidthPt), size);
  });
}
