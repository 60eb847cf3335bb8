/**
 * The line composer's cost on the sample, in one process (issue 24):
 *
 *   npx tsx scripts/bench-compose.ts [rounds] [--against other-compose.cjs]
 *
 * It lays out the sample once, recording every paragraph layout composes
 * (through the composition cache's hook), then for each round:
 * - `compose`: composes every recorded paragraph with a fresh font provider,
 *   as a build does (the shaping of each distinct character included);
 * - `layout`: layoutForPrint with a fresh font provider (composition, the
 *   runt search's re-settings and page make-up).
 * Each is timed by this thread's CPU (process.threadCpuUsage), with the
 * collections it caused (their count follows the bytes allocated) and their
 * time; medians and spreads (min–max) are printed. Run it with --expose-gc so
 * that each round starts collected. A digest of the composed lines (glyph
 * positions, widths, text) shows whether a change kept them.
 *
 * `--against` takes another version of src/compose bundled on its own
 * (`npx esbuild OTHER/src/compose/index.ts --bundle --platform=node
 * --format=cjs --outfile=/tmp/other-compose.cjs`): each round then composes
 * with both, in alternating order, and the ratio of this tree's CPU to the
 * other's is printed per pair. On a shared machine the load drifts by a third
 * from minute to minute; pairs in one process see the same load. tsx adds a
 * call for every closure made (esbuild's keepNames), so time a bundle of
 * this script, made as scripts/bundle.mjs makes the CLI's, for numbers like a
 * build's (the README's "The composer's cost" gives the commands).
 *
 * `--against-layout` takes another tree's layout bundled on its own (an entry
 * file `export { layoutForPrint } from 'OTHER/src/build/index.ts'; export {
 * createFontProvider } from 'OTHER/src/font/index.ts';`, bundled as above):
 * each round then lays the book out with both, in alternating order, with
 * the per-pair ratio printed as for composition.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { checkManuscript, layoutForPrint } from '../src/build/index.ts';
import { type ComposedParagraph, composeParagraph, type ComposeOptions, ComposeWorkspace, type ParagraphInput } from '../src/compose/index.ts';
import { loadTemplate } from '../src/config/index.ts';
import { createFontProvider } from '../src/font/index.ts';
import { imageSizeOf, loadFonts, readManuscript, readTemplateFile } from '../src/io/index.ts';
import { LayoutCaches } from '../src/layout/index.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  // Another tree's composer, with its own workspace when it takes one (a workspace is made by the composer that reads it).
  type Composer = { composeParagraph: typeof composeParagraph; ComposeWorkspace?: typeof ComposeWorkspace };
  const against = againstAt >= 0 ? (createRequire(import.meta.url)(resolve(args.splice(againstAt, 2)[1]!)) as Composer) : undefined;
  const ours: Composer = { composeParagraph, ComposeWorkspace };
  const layoutAt = args.indexOf('--against-layout');
  const againstLayout = layoutAt >= 0
    ? (createRequire(import.meta.url)(resolve(args.splice(layoutAt, 2)[1]!)) as { layoutForPrint: typeof layoutForPrint; createFontProvider: typeof createFontProvider })
    : undefined;
  const rounds = Math.max(1, Number(args[0] ?? 7));
  const dir = args[1] ?? 'manuscript';

  const loaded = await loadFonts();
  const read = await readManuscript(dir);
  const book = checkManuscript(read.files, read.all).book;
  if (!book) throw new Error('the manuscript does not parse; run npx nianjian check');
  const template = loadTemplate(await readTemplateFile(dir, book.settings.template))!;
  const layoutInput = () => ({ book, template, fonts: createFontProvider(loaded.set), imageSize: imageSizeOf(read) });
  const theirLayoutInput = () => ({ ...layoutInput(), fonts: againstLayout!.createFontProvider(loaded.set) });

  // Every paragraph layout composes, in its order: the composition cache is asked for each.
  const recorded: Array<{ input: ParagraphInput; options: ComposeOptions }> = [];
  const recorder = new LayoutCaches();
  Object.defineProperty(recorder, 'composition', {
    value: {
      startBuild() {},
      keep() {},
      recordKeys: <T>(f: () => T) => ({ value: f(), keys: [] }),
      compose(input: ParagraphInput, options: ComposeOptions, compose: () => ComposedParagraph) {
        recorded.push({ input, options });
        return compose();
      },
    },
  });
  layoutForPrint({ ...layoutInput(), layoutCaches: recorder });

  /** The collections of this thread, from the collector's performance entries. */
  let gcCount = 0;
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcCount++;
      gcMs += e.duration;
    }
  }).observe({ entryTypes: ['gc'] });

  /** Node 24's per-thread CPU time (newer than the @types/node in use). */
  const threadCpuUsage = (process as unknown as { threadCpuUsage(since?: NodeJS.CpuUsage): NodeJS.CpuUsage }).threadCpuUsage.bind(process);

  interface Sample { cpuMs: number; gcs: number; gcMs: number }
  async function measure(f: () => void): Promise<Sample> {
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the observer hears of that collection before the count starts
    const [n0, g0] = [gcCount, gcMs];
    const c0 = threadCpuUsage();
    f();
    const c = threadCpuUsage(c0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // and of the round's collections before it is read
    return { cpuMs: (c.user + c.system) / 1000, gcs: gcCount - n0, gcMs: gcMs - g0 };
  }

  function digest(lines: Iterable<ComposedParagraph>): string {
    const h = createHash('sha256');
    for (const p of lines) {
      for (const l of p.lines) {
        h.update(`${l.text}|${l.widthPt}|${l.spreadEm}|${l.indentPt}|${JSON.stringify(l.anchors)}|${l.sources.length}\n`);
        h.update(new Uint8Array(l.glyphs.at.buffer, l.glyphs.at.byteOffset, l.glyphs.at.byteLength));
        for (const g of l.glyphs.refs) h.update(`${g.fontKey}:${g.glyphId};`);
      }
      h.update(JSON.stringify(p.problems.map((q) => [q.kind, 'text' in q ? q.text : '', 'char' in q ? q.char : ''])));
    }
    return h.digest('hex').slice(0, 16);
  }

  const composeAll = (composer: Composer) => {
    const fonts = createFontProvider(loaded.set);
    // A build's workspace goes with its provider.
    const workspace = composer.ComposeWorkspace ? { workspace: new composer.ComposeWorkspace(fonts) } : {};
    return recorded.map(({ input, options }) => composer.composeParagraph(input, { ...options, fonts, ...workspace }));
  };
  const composeSamples: Sample[] = [];
  const againstSamples: Sample[] = [];
  const layoutSamples: Sample[] = [];
  const theirLayoutSamples: Sample[] = [];
  const digests = new Set<string>();
  /** MB of heap the composed lines hold while they live (a build keeps them until the PDF is written), after a full collection. */
  const retainedMb = (composer: Composer) => {
    const used = () => {
      global.gc?.();
      const m = process.memoryUsage();
      return [m.heapUsed, m.external];
    };
    const before = used();
    const out = composeAll(composer);
    const after = used();
    return `${((after[0]! - before[0]!) / 1e6).toFixed(1)} MB heap + ${((after[1]! - before[1]!) / 1e6).toFixed(1)} MB outside it` + (out.length > 0 ? '' : '');
  };
  composeAll(ours); // fontkit's own caches fill on the first composition, and stay
  const heldAgainst = against ? ` (against: ${retainedMb(against)})` : '';
  console.log(`heap held by the composed lines: ${retainedMb(ours)}${heldAgainst}`);
  for (let r = 0; r < rounds; r++) {
    const oursRound = async () => composeSamples.push(await measure(() => void (r === 0 ? digests.add(digest(composeAll(ours))) : composeAll(ours))));
    const theirs = async () => against && againstSamples.push(await measure(() => void (r === 0 ? digests.add(digest(composeAll(against))) : composeAll(against))));
    if (r % 2 === 0) await oursRound().then(theirs);
    else await theirs().then(oursRound);
    const ourLayout = async () => layoutSamples.push(await measure(() => void layoutForPrint(layoutInput())));
    const theirLayout = async () => againstLayout && theirLayoutSamples.push(await measure(() => void againstLayout.layoutForPrint(theirLayoutInput())));
    if (r % 2 === 0) await ourLayout().then(theirLayout);
    else await theirLayout().then(ourLayout);
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (label: string, xs: Sample[]) => {
    const cpu = xs.map((x) => x.cpuMs);
    console.log(`${label.padEnd(8)} cpu median ${median(cpu).toFixed(0)} ms (${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)}), `
      + `gc ${median(xs.map((x) => x.gcs))} runs ${median(xs.map((x) => x.gcMs)).toFixed(0)} ms`);
  };
  console.log(`${recorded.length} paragraphs composed by layout; lines digest ${[...digests].join(' ≠ ')}`);
  row('compose', composeSamples);
  if (against) {
    row('against', againstSamples);
    const ratios = composeSamples.map((x, i) => x.cpuMs / againstSamples[i]!.cpuMs);
    console.log(`compose/against cpu ratio median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); per pair ${ratios.map((r) => r.toFixed(3)).join(' ')}`);
  }
  row('layout', layoutSamples);
  if (againstLayout) {
    row('against', theirLayoutSamples);
    const ratios = layoutSamples.map((x, i) => x.cpuMs / theirLayoutSamples[i]!.cpuMs);
    console.log(`layout/against cpu ratio median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
  }
}

void main();
