/**
 * Composed paragraphs as they cross from the layout's second thread to the
 * main one (parallel-layout.ts). Half the sample is 4,900 paragraphs in
 * 13,300 lines of 290,000 glyphs; posted as they are, the structured clone
 * of their objects took 110–170 ms to write and 80–220 ms to read, on the
 * build's critical path. Packed, each glyph is an index into a table of the
 * distinct glyphs and two numbers in one Float64Array, each line five
 * numbers: a few arrays whose buffers move without a copy.
 */
import { type ComposedParagraph, type ComposeProblem, GlyphRun, type Line } from '../compose/index.ts';
import type { GlyphRef } from '../font/index.ts';
import type { Source } from '../model/index.ts';

/** A problem as posted: the line it names (line-overfull, line-loose) by its number in the paragraph. */
type PackedProblem = Omit<ComposeProblem, 'line'> & { lineNumber?: number };

export interface PackedCompositions {
  /** Per paragraph: the composition cache's key, its number of lines, its problems. */
  keys: string[];
  lineCounts: Int32Array;
  problems: Array<PackedProblem[] | undefined>;
  /** The distinct glyphs and sources the lines refer to. */
  refs: GlyphRef[];
  sources: Source[];
  /** Per line: widthPt, measurePt, indentPt, spreadEm, and 1 (first) + 2 (last). */
  numbers: Float64Array;
  glyphCounts: Int32Array;
  texts: string[];
  anchors: Array<Line['anchors'] | undefined>;
  /** Per line: how many sources, then those sources' numbers in `lineSources`. */
  sourceCounts: Int32Array;
  lineSources: Int32Array;
  /** Per glyph: its number in `refs`, and its x and size in pt (two numbers in `at`). */
  glyphs: Int32Array;
  at: Float64Array;
}

const LINE_NUMBERS = 5;

/** Numbers for distinct objects, in order of first use. */
class Table<T> {
  readonly items: T[] = [];
  private readonly numbers = new Map<T, number>();

  numberOf(item: T): number {
    let n = this.numbers.get(item);
    if (n === undefined) this.numbers.set(item, (n = this.items.push(item) - 1));
    return n;
  }
}

export function packCompositions(entries: ReadonlyArray<readonly [string, ComposedParagraph]>): PackedCompositions {
  const lines = entries.flatMap(([, c]) => c.lines);
  const glyphTotal = lines.reduce((n, l) => n + l.glyphs.length, 0);
  const refs = new Table<GlyphRef>();
  const sources = new Table<Source>();
  const numbers = new Float64Array(lines.length * LINE_NUMBERS);
  const glyphCounts = new Int32Array(lines.length);
  const sourceCounts = new Int32Array(lines.length);
  const lineSources: number[] = [];
  const glyphs = new Int32Array(glyphTotal);
  const at = new Float64Array(glyphTotal * 2);
  let g = 0;
  lines.forEach((line, i) => {
    numbers.set([line.widthPt, line.measurePt, line.indentPt, line.spreadEm, (line.isFirst ? 1 : 0) + (line.isLast ? 2 : 0)], i * LINE_NUMBERS);
    glyphCounts[i] = line.glyphs.length;
    at.set(line.glyphs.at.subarray(0, line.glyphs.length * 2), g * 2);
    for (const ref of line.glyphs.refs) glyphs[g++] = refs.numberOf(ref);
    sourceCounts[i] = line.sources.length;
    for (const s of line.sources) lineSources.push(sources.numberOf(s));
  });
  return {
    keys: entries.map(([key]) => key),
    lineCounts: Int32Array.from(entries, ([, c]) => c.lines.length),
    problems: entries.map(([, c]) => (c.problems.length > 0 ? c.problems.map((p) => packProblem(p, c.lines)) : undefined)),
    refs: refs.items, sources: sources.items, numbers, glyphCounts, texts: lines.map((l) => l.text),
    anchors: lines.map((l) => (l.anchors.length > 0 ? l.anchors : undefined)), sourceCounts, lineSources: Int32Array.from(lineSources), glyphs, at,
  };
}

function packProblem(problem: ComposeProblem, lines: readonly Line[]): PackedProblem {
  if (!('line' in problem) || !problem.line) return problem;
  const { line, ...rest } = problem;
  return { ...rest, lineNumber: lines.indexOf(line) };
}

/** The buffers to move, not copy, with the message. */
export function packedBuffers(p: PackedCompositions): ArrayBuffer[] {
  return [p.lineCounts, p.numbers, p.glyphCounts, p.sourceCounts, p.lineSources, p.glyphs, p.at].map((a) => a.buffer as ArrayBuffer);
}

export function unpackCompositions(p: PackedCompositions): Array<[string, ComposedParagraph]> {
  let lineIndex = 0;
  let g = 0;
  let s = 0;
  const unpackLine = (): Line => {
    const i = lineIndex++;
    const count = p.glyphCounts[i]!;
    const refs = new Array<GlyphRef>(count);
    for (let k = 0; k < count; k++) refs[k] = p.refs[p.glyphs[g + k]!]!;
    const glyphs = new GlyphRun(refs, p.at.subarray(g * 2, (g + count) * 2));
    g += count;
    const lineSources = new Array<Source>(p.sourceCounts[i]!);
    for (let k = 0; k < lineSources.length; k++) lineSources[k] = p.sources[p.lineSources[s++]!]!;
    const n = i * LINE_NUMBERS;
    const flags = p.numbers[n + 4]!;
    // In justify.ts's order of fields: the same shape as a line composed here.
    return {
      glyphs, anchors: p.anchors[i] ?? [], widthPt: p.numbers[n]!, measurePt: p.numbers[n + 1]!, indentPt: p.numbers[n + 2]!,
      isFirst: (flags & 1) !== 0, isLast: (flags & 2) !== 0, spreadEm: p.numbers[n + 3]!, sources: lineSources, text: p.texts[i]!,
    };
  };
  return p.keys.map((key, k) => {
    const lines = Array.from({ length: p.lineCounts[k]! }, unpackLine);
    const problems = (p.problems[k] ?? []).map(({ lineNumber, ...rest }) => (lineNumber === undefined ? rest : { ...rest, line: lines[lineNumber] }) as ComposeProblem);
    return [key, { lines, problems }];
  });
}
