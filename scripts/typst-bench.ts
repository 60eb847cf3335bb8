/**
 * nianjian against Typst on the same text, in one run (issue 24): the
 * manuscript converted to Typst markup (typst-convert.ts), then `nianjian
 * build` and Typst's compile + PDF each in a process of their own,
 * interleaved A B A B … so that the machine's drift falls on both alike.
 * Each pair gives a ratio nianjian / Typst of wall time, CPU time and peak
 * RSS; the median ratio and the spread (lowest–highest) are printed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CliRun, runCliBuild, runMeasured } from './run-cli.ts';
import { manuscriptAsTypst, typstFonts } from './typst-convert.ts';

export interface SideBySide {
  /** Builds that parse every manuscript file (no Markdown trees kept from a build before: every file edited since). */
  nianjian: CliRun[];
  /** Builds right after those, reading the trees they kept (nothing edited since). */
  nianjianKept: CliRun[];
  typst: CliRun[];
  typstPages: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * `pairs` interleaved runs of each, after one untimed nianjian build (it
 * fills the EPUB's image cache, as any earlier build has). nianjian's
 * timed build parses every file (the Markdown trees kept under
 * .cache/trees-* are removed first); a second build after it, with the
 * trees kept, is timed beside it.
 */
export function sideBySide(dir: string, pairs: number): SideBySide {
  const work = mkdtempSync(join(tmpdir(), 'nianjian-bench-typst-'));
  const main = join(work, 'book.typ');
  writeFileSync(main, manuscriptAsTypst(dir));
  const runner = join(import.meta.dirname, 'typst-run.mjs');
  const args = [resolve(dir), main, join(work, 'book.pdf'), ...typstFonts()];
  const typst = () => {
    const run = runMeasured(`process.argv = [process.execPath, 'typst-run', ...${JSON.stringify(args)}]; await import(${JSON.stringify(runner)});`);
    if (run.status !== 0) throw new Error(`typst failed: ${run.stdout}`);
    return run;
  };
  const out = join(work, 'nianjian');
  const cache = join(out, '.cache');
  const forgetTrees = () => {
    for (const name of existsSync(cache) ? readdirSync(cache) : []) if (name.startsWith('trees-')) rmSync(join(cache, name), { recursive: true, force: true });
  };
  const nianjian = () => {
    const run = runCliBuild(dir, out);
    if (run.status !== 0) throw new Error(`nianjian build failed: ${run.stdout}`);
    return run;
  };
  nianjian();
  const result: SideBySide = { nianjian: [], nianjianKept: [], typst: [], typstPages: 0 };
  for (let i = 0; i < pairs; i++) {
    forgetTrees();
    result.nianjian.push(nianjian());
    result.nianjianKept.push(nianjian());
    const t = typst();
    result.typst.push(t);
    result.typstPages = Number(/(\d+) 页/.exec(t.stdout)?.[1] ?? 0);
  }
  return result;
}

/** The rows for the bench: per measure, the median ratio nianjian / Typst and its spread, with both medians; then wall time with the trees kept. */
export function sideBySideRows(r: SideBySide): Array<[string, string]> {
  const measures: Array<[string, (c: CliRun) => number, string]> = [
    ['wall time', (c) => c.seconds, 's'], ['CPU time', (c) => c.cpuSeconds, 's'], ['peak RSS', (c) => c.rssMB, 'MB'],
  ];
  const row = (name: string, runs: readonly CliRun[], of: (c: CliRun) => number, unit: string): [string, string] => {
    const ratios = runs.map((n, i) => of(n) / of(r.typst[i]!)).sort((a, b) => a - b);
    const digits = unit === 's' ? 2 : 0;
    return [`vs Typst: ${name}, nianjian / Typst (${ratios.length} pairs, A B A B)`,
      `median ${median(ratios).toFixed(2)}, spread ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`
      + ` (medians ${median(runs.map(of)).toFixed(digits)} ${unit} / ${median(r.typst.map(of)).toFixed(digits)} ${unit})`];
  };
  return [
    ...measures.map(([name, of, unit]) => row(name, r.nianjian, of, unit)),
    row('wall time, Markdown trees kept from the build before (nothing edited)', r.nianjianKept, (c) => c.seconds, 's'),
  ];
}

export { median };
