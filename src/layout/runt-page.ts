/**
 * A flow's last page that holds a few lines only (a runt: on p. 243 of the
 * sample, a line in each column and a credit) is taken back onto the pages
 * before it, as a compositor would: paragraphs near the end are set one line
 * shorter within the composer's squeeze (先挤后推, R-JUS), from the last one
 * back, until the flow ends a page sooner with no more columns left short
 * (R-COL-1) than it had: a column no setting can fill earlier in the part
 * (a widow that cannot be pulled back) does not keep the runt. When that
 * cannot be done, the pages stay as they were.
 */
import type { Atom } from './atoms.ts';
import { flowAtoms, type FlowPage } from './flow.ts';
import type { Geometry } from './geometry.ts';
import { squeezedStops } from './squeeze.ts';

/**
 * A last page with at most this many lines, over all its columns, is a runt.
 * Six took back the sample's three last pages of 5 and 6 lines, and set 30
 * more lines with two stops or more squeezed in mid-line (231 against 201):
 * a second reading found those pages cramped, the worse fault.
 */
const RUNT_LINES = 4;
/** How many paragraphs from the end may be tightened: enough for a runt, few enough to stay near it. */
const MOST_PARAGRAPHS = 24;

/** Columns left short in mid-flow (R-COL-1) over all the pages. */
const shortColumns = (pages: readonly FlowPage[]) => pages.reduce((n, page) => n + (page.short?.length ?? 0), 0);

const linesOn = (page: FlowPage) => page.columns.reduce((n, col) => n + col.reduce((m, p) => m + p.atom.lines, 0), 0);

/** The mid-line stops `atoms`' lines squeeze (squeeze.ts). */
const squeezedIn = (atoms: readonly Atom[]) => atoms.reduce((n, a) => n + (a.composed ? squeezedStops(a.composed).count : 0), 0);

/**
 * The last MOST_PARAGRAPHS paragraphs of `atoms` that can be set a line
 * shorter, those it squeezes least first (then the last first): taken last
 * first whatever it cost, the lines set a line shorter on p. 82 had full
 * stops at half width in mid-line, five marks squeezed in one line (a
 * proofreader's reading).
 */
function tighterParagraphs(atoms: readonly Atom[]): Array<{ at: number; count: number; shorter: Atom[] }> {
  const found: Array<{ at: number; count: number; shorter: Atom[]; squeezed: number }> = [];
  for (let end = atoms.length - 1; end >= 0 && found.length < MOST_PARAGRAPHS; end--) {
    const place = atoms[end]!.paragraph;
    if (!place?.relines || place.index !== place.count - 1 || place.count < 2) continue;
    const shorter = place.relines(place.count - 1);
    if (!shorter) continue;
    found.push({ at: end - place.count + 1, count: place.count, shorter, squeezed: squeezedIn(shorter) - squeezedIn(atoms.slice(end - place.count + 1, end + 1)) });
  }
  return found.sort((a, b) => a.squeezed - b.squeezed);
}

/** `pages`, or the same atoms flowed onto one page fewer when the last page is a runt and paragraphs before it can take its lines. */
export function withoutRuntPage(atoms: readonly Atom[], pages: FlowPage[], g: Geometry): FlowPage[] {
  const last = pages.at(-1);
  const runt = last ? linesOn(last) : 0;
  if (pages.length < 2 || !last || last.after || runt > RUNT_LINES || last.columns.some((col) => col.some((p) => p.atom.isFloat))) return pages;
  const tightened = new Map<number, { count: number; shorter: Atom[] }>();
  for (const c of tighterParagraphs(atoms)) {
    tightened.set(c.at, c);
    // Each paragraph set a line shorter frees one line: try once there are as many as the runt has.
    if (tightened.size < runt) continue;
    const again = flowAtoms(withTightened(atoms, tightened), g);
    if (again.length < pages.length && shortColumns(again) <= shortColumns(pages)) return again;
  }
  return pages;
}

function withTightened(atoms: readonly Atom[], tightened: ReadonlyMap<number, { count: number; shorter: Atom[] }>): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const t = tightened.get(i);
    if (t) {
      out.push(...t.shorter);
      i += t.count - 1;
    } else out.push(atoms[i]!);
  }
  return out;
}
