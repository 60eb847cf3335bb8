/**
 * What 先挤 (R-JUS-3) costs as a reader sees it: the stops and pauses of a
 * line set narrower than ¾ em before the glyph after them, in mid-line. Two
 * or more such in a line, or a full stop so, read as cramped (a
 * proofreader's second reading of the sample, session 34).
 */
import type { Line } from '../compose/index.ts';

const STOPS = new Set([...'，。、；：']);

export function squeezedStops(line: Line): { count: number; periods: number } {
  const run = line.glyphs;
  let count = 0;
  let periods = 0;
  for (let k = 0; k + 1 < run.length; k++) {
    const text = run.refs[k]!.text;
    if (!STOPS.has(text) || run.xPt(k + 1) - run.xPt(k) >= 0.75 * run.sizePt(k)) continue;
    count++;
    if (text === '。') periods++;
  }
  return { count, periods };
}
