/**
 * A build's layout on both cores (issue 24). The parts are independent
 * (each starts on a recto), and composing their paragraphs is most of a
 * layout's work. A worker thread (layout-worker.ts) lays out the later half
 * of the parts while this thread lays out the earlier half; the worker's
 * compositions join this thread's composition cache, and the whole book is
 * then laid out here once more, finding every paragraph composed. The pages
 * are made by one thread from the same compositions, so the output is the
 * bytes of a single-threaded build (test/e2e/parallel-layout.test.ts).
 *
 * Anything the worker cannot do (no worker, a failure inside it) only
 * means this thread composes those paragraphs itself.
 */
import { Worker } from 'node:worker_threads';
import { layoutForPrint } from '../build/index.ts';
import type { ComposedParagraph } from '../compose/index.ts';
import { GlyphRun } from '../compose/index.ts';
import type { Template } from '../config/index.ts';
import type { GlyphRef } from '../font/index.ts';
import type { LoadedFonts } from '../io/index.ts';
import { type ImageSize, LayoutCaches } from '../layout/index.ts';
import { type Book, walkBook } from '../model/index.ts';

type LayoutInput = Parameters<typeof layoutForPrint>[0];

/** What the worker is sent: the parts it lays out, as a book, and what layout reads besides. */
export interface LayoutTask {
  book: Book;
  template: Template;
  imageSizes: Map<string, ImageSize | undefined>;
}

type WorkerAnswer = Array<[string, ComposedParagraph]> | { failed: string };

/** The index where the parts split into two halves of about equal work. */
export function splitPoint(book: Book): number {
  // The size of a part's model stands for its work: mostly its text.
  const weights = book.parts.map((p) => JSON.stringify(p).length);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    if (sum >= total / 2) return i + 1;
  }
  return weights.length;
}

/**
 * A composition as it arrives from the worker: a structured clone keeps the
 * data but not the classes, so each line's glyphs become a GlyphRun again
 * (a problem's line is the same object as the paragraph's, and the clone keeps that).
 */
function revived(composed: ComposedParagraph): ComposedParagraph {
  for (const line of composed.lines) line.glyphs = new GlyphRun(line.glyphs.refs, line.glyphs.at);
  return composed;
}

/**
 * Opens here the fonts the worker's glyphs come from: fonts are read when a
 * text first needs them (a Kai subset, a bold face, the fallback), and the
 * PDF embeds what was read. A split family opens only the subset that has the
 * character; opening one more than needed changes nothing printed.
 */
function openFontsOf(made: ReadonlyArray<readonly [string, ComposedParagraph]>, loaded: LoadedFonts): void {
  const fonts = [...Object.values(loaded.set.roles).flatMap((r) => [r.regular, r.bold]), ...loaded.set.fallback].filter((f) => f !== undefined);
  const seen = new Set<GlyphRef>();
  for (const [, composed] of made) {
    for (const line of composed.lines) {
      for (const ref of line.glyphs.refs) {
        if (seen.has(ref) || loaded.opened.has(ref.fontKey)) continue;
        seen.add(ref);
        const cp = ref.text.codePointAt(0) ?? 0;
        for (const font of fonts) {
          if (font.pieceFor) font.pieceFor(cp);
          else void font.postscriptName;
          if (loaded.opened.has(ref.fontKey)) break;
        }
      }
    }
  }
}

/**
 * The worker: its file beside this one in the bundle (dist/cli), or the
 * source, run through tsx registered inside the worker as bin/nianjian.js
 * registers it (`--import tsx` in execArgv does not reach a worker's own
 * entry on Node 20: the worker failed there and the build fell back to
 * one thread).
 */
function startWorker(task: LayoutTask): Worker {
  const options = { workerData: task, stdout: false, stderr: false };
  if (import.meta.url.endsWith('.cjs')) return new Worker(new URL('./layout-worker.cjs', import.meta.url), options);
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./layout-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

function answerOf(worker: Worker): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    worker.once('message', (answer: WorkerAnswer) => resolve(answer));
    worker.once('error', (error) => resolve({ failed: error.message }));
    worker.once('exit', (code) => resolve({ failed: `exit ${code}` }));
  });
}

/** A book laid out, and how many paragraphs the worker composed for it (0: none, laid out on one thread). */
export type ParallelLayout = ReturnType<typeof layoutForPrint> & { fromWorker: number };

/** layoutForPrint, its later parts composed on a second thread. A book of one part, or a watch session, is laid out as it is. */
export async function layoutInParallel(input: LayoutInput, loaded: LoadedFonts): Promise<ParallelLayout> {
  const { book } = input;
  const at = splitPoint(book);
  const alone = (): ParallelLayout => ({ ...layoutForPrint(input), fromWorker: 0 });
  if (input.layoutCaches || at >= book.parts.length) return alone();
  const imageSizes = new Map<string, ImageSize | undefined>();
  walkBook(book, (n) => n.type === 'figure' && imageSizes.set(n.src, input.imageSize(n.src)));
  let worker: Worker | undefined;
  try {
    worker = startWorker({ book: { settings: book.settings, front: [], parts: book.parts.slice(at) }, template: input.template, imageSizes });
  } catch {
    return alone();
  }
  const answer = answerOf(worker);
  const caches = new LayoutCaches();
  caches.startBuild();
  const { progress: _shownOnce, ...quiet } = input;
  layoutForPrint({ ...quiet, book: { ...book, parts: book.parts.slice(0, at) }, layoutCaches: caches });
  const made = await answer;
  void worker.terminate();
  if (Array.isArray(made)) {
    openFontsOf(made, loaded);
    caches.composition.adopt(made.map(([key, composed]) => [key, revived(composed)]));
  }
  return { ...layoutForPrint({ ...input, layoutCaches: caches }), fromWorker: Array.isArray(made) ? made.length : 0 };
}
