/**
 * The column flow: atoms fill the columns of a page line by line. A heading
 * moves on when the lines it keeps would not follow it in the same column
 * (R-HEAD-3); a figure that does not fit floats to the top of the next
 * column while the text goes on (no reordering among figures); the columns
 * of the last page are balanced (R-COL-1).
 */
import type { Atom } from './atoms.ts';
import type { Geometry } from './geometry.ts';

/** A page of columns, each a list of atoms with the grid line each starts on. */
export interface FlowPage {
  columns: Array<Array<{ atom: Atom; line: number }>>;
}

function used(column: Array<{ atom: Atom; line: number }>): number {
  const last = column.at(-1);
  return last ? last.line + last.atom.lines : 0;
}

/** Keeps lines free in the other columns under a page-wide atom. */
function spacer(lines: number): Atom {
  return { lines, keepWithNextLines: 0, isFloat: false, anchors: [], draw: () => [] };
}

/** Lines the atom at `i` needs in one column: itself plus what it keeps with it. */
function needOf(atoms: readonly Atom[], i: number): number {
  const a = atoms[i]!;
  if (a.keepWithNextLines === 0) return a.lines;
  let need = a.lines;
  let kept = 0;
  for (let j = i + 1; j < atoms.length && kept < a.keepWithNextLines; j++) {
    const next = atoms[j]!;
    if (next.isFloat) continue;
    need += next.lines;
    kept += next.keepWithNextLines > 0 ? 0 : next.lines;
  }
  return need;
}

/**
 * R-PAR-4: on the last line of a column, a paragraph's first line would be
 * left alone (orphan), or its penultimate line would send the last one
 * alone to the next column (widow). Either goes over, leaving a blank line.
 */
function strandsALine(atom: Atom, room: number): boolean {
  const p = atom.paragraph;
  if (!p || room !== 1 || p.count < 2) return false;
  return p.index === 0 || p.index === p.count - 2;
}

/** Flows `atoms` into pages of `g.columns` columns of `g.linesPerColumn` lines. */
export function flowAtoms(atoms: readonly Atom[], g: Geometry, capacity = g.linesPerColumn): FlowPage[] {
  const pages: FlowPage[] = [];
  const spanning: Atom[] = [];
  const newPage = () => {
    const page: FlowPage = { columns: Array.from({ length: g.columns }, () => []) };
    pages.push(page);
    // Page-wide figures wait for a new page and take its top across all columns.
    let line = 0;
    while (spanning.length > 0 && line + spanning[0]!.lines <= capacity) {
      const atom = spanning.shift()!;
      page.columns.forEach((col, c) => col.push({ atom: c === 0 ? atom : spacer(atom.lines), line }));
      line += atom.lines;
    }
  };
  newPage();
  let column = 0;
  const pending: Atom[] = [];
  /** Floats kept for the foot of the current column (place="bottom"). */
  let foot: Atom[] = [];
  const footLines = () => foot.reduce((n, a) => n + a.lines, 0);
  const current = () => pages.at(-1)!.columns[column]!;
  const room = () => capacity - used(current()) - footLines();
  const put = (atom: Atom) => current().push({ atom, line: used(current()) });
  const closeColumn = () => {
    let line = capacity - footLines();
    for (const atom of foot) {
      current().push({ atom, line });
      line += atom.lines;
    }
    foot = [];
  };
  const nextColumn = () => {
    closeColumn();
    column++;
    if (column === g.columns) {
      newPage();
      column = 0;
    }
    while (pending.length > 0 && pending[0]!.lines <= room()) put(pending.shift()!);
  };
  atoms.forEach((atom, i) => {
    if (atom.spansColumns) {
      spanning.push(atom);
      return;
    }
    if (atom.isFloat) {
      if (atom.placement === 'bottom' && pending.length === 0 && atom.lines <= room()) foot.push(atom);
      else if (atom.placement !== 'top' && atom.placement !== 'bottom' && pending.length === 0 && atom.lines <= room()) put(atom);
      else pending.push(atom);
      return;
    }
    const need = Math.min(needOf(atoms, i), capacity);
    if ((need > room() || strandsALine(atom, room())) && used(current()) > 0) nextColumn();
    // Floats may have filled the new column; an atom taller than a column starts one and overflows.
    while (atom.lines > room() && used(current()) > 0) nextColumn();
    put(atom);
  });
  while (pending.length > 0) {
    nextColumn();
    if (pending.length > 0 && used(current()) === 0) put(pending.shift()!); // taller than a column
  }
  closeColumn();
  if (spanning.length > 0) newPage();
  return pages;
}

/**
 * R-COL-1: the last page of a flow gets columns of equal length (the last
 * one may be shorter), by flowing its atoms again into shorter columns.
 */
export function balanceLastPage(pages: FlowPage[], g: Geometry): FlowPage[] {
  const last = pages.at(-1)!;
  const atoms = last.columns.flat().map((p) => p.atom);
  const total = atoms.reduce((n, a) => n + a.lines, 0);
  const lengths = last.columns.map(used);
  if (g.columns < 2 || Math.max(...lengths) - Math.min(...lengths) <= 1) return pages;
  if (atoms.some((a) => a.spansColumns || a.placement === 'bottom')) return pages; // page-wide and foot floats fix the columns
  const tallest = Math.max(...atoms.map((a) => a.lines));
  for (let capacity = Math.max(tallest, Math.ceil(total / g.columns)); capacity <= g.linesPerColumn; capacity++) {
    const again = flowAtoms(atoms, g, capacity);
    // Short columns must not cut a heading from its text (R-HEAD-3): then try longer ones.
    if (again.length === 1 && !leavesAHeading(again[0]!)) return [...pages.slice(0, -1), again[0]!];
  }
  return pages;
}

/** A heading ends a column while text follows in a later one. */
function leavesAHeading(page: FlowPage): boolean {
  return page.columns.some((col, c) => (col.at(-1)?.atom.keepWithNextLines ?? 0) > 0 && page.columns.slice(c + 1).some((later) => later.length > 0));
}
