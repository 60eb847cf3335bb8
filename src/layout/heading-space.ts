/**
 * A heading's give (R-HEAD-1): a heading takes a whole number of grid lines,
 * its text centred in them, and the page make-up may set it one line taller
 * or, while its text keeps a little room above and below, one line shorter —
 * as a compositor fills a column with the space around headings before
 * leaving lines empty (R-COL-1).
 */
import type { Atom } from './atoms.ts';
import type { Geometry } from './geometry.ts';

/** The least room (in em of body text) a heading's text keeps between it and the lines around it when set a line shorter. */
const LEAST_ROOM_EM = 0.3;

/**
 * `make(k)` is the heading in k grid lines; `natural` is how many it takes,
 * `minimum` the template's 占行, `textHeight` the height of its text in pt.
 */
export function withHeadingSpace(g: Geometry, make: (gridLines: number) => Atom, natural: number, minimum: number, textHeight: number): Atom {
  const fits = (k: number) => k >= minimum && (k - 1) * g.pitchPt + g.bodySizePt >= textHeight + LEAST_ROOM_EM * g.bodySizePt;
  const at = (k: number): Atom => ({
    ...make(k),
    resize: (delta) => {
      const next = k + delta;
      return Math.abs(next - natural) <= 1 && fits(next) ? at(next) : undefined;
    },
  });
  return at(natural);
}
