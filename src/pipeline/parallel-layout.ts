/**
 * A build's layout on both cores (issue 24). Composing paragraphs is most of
 * a layout's work, and composition is pure. So a second thread, started with
 * the build, reads and parses the manuscript itself (alongside this thread
 * doing the same) and composes the paragraphs of the later parts
 * (layout-worker.ts), while this thread lays out the earlier ones. When
 * this thread's layout reaches the first of those parts, it waits for the
 * other thread's compositions and lays those parts out from them
 * (layout/paginate.ts, `Precomposed`). The pages are all made here, from
 * compositions equal to those this thread would make (found by the
 * composition cache's key, which holds everything composition reads), so
 * the PDF and EPUB are the bytes of a build on one thread
 * (test/e2e/parallel-layout.test.ts).
 *
 * The second thread can only save time: if it cannot start, fails, or is
 * late, its parts are composed here as they would be without it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { CompositionCache } from '../compose/index.ts';
import { type LoadedFonts, openFontsByKey } from '../io/index.ts';
import type { Precomposed } from '../layout/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import type { Book } from '../model/index.ts';
import { type PackedCompositions, unpackCompositions } from './packed-compositions.ts';

/** What the second thread is given. */
export interface HelperTask {
  dir: string;
  port: MessagePort;
  /** Set to 1 (and notified) when the answer has been posted on `port`. */
  answered: Int32Array;
}

/** The second thread's answer: the parts it composed, or why it did not. */
export type HelperAnswer =
  | { packed: PackedCompositions; fonts: Array<[string, string]> }
  | { failed: string };

/**
 * Where the parts split: the later part files, by their share of the text,
 * go to the second thread. This thread lays out its own parts and then the
 * second thread's again from their compositions (a quarter of their work),
 * while the second thread started later (its own start, fonts and parse):
 * the share that ends both together was measured on the sample.
 */
const SECOND_THREAD_SHARE = 0.5;

/** The first part file the second thread composes (the same on both threads: they read the same files). */
export function splitFile(partFiles: readonly VFile[]): number {
  const sizes = partFiles.map((f) => String(f.value).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (sum >= total * (1 - SECOND_THREAD_SHARE)) return i;
    sum += sizes[i]!;
  }
  return sizes.length;
}

/** The first of `book`'s parts that comes from a part file at `fileIndex` or later (a file may give no part). */
export function firstPartFrom(book: Book, partFiles: readonly VFile[], fileIndex: number): number {
  const later = new Set(partFiles.slice(fileIndex).map((f) => f.path));
  const i = book.parts.findIndex((p) => later.has(p.source.path));
  return i < 0 ? book.parts.length : i;
}

/**
 * The worker runs layout-worker.ts: from the bundle this code is in
 * (dist/cli/cli.cjs), or the sources through tsx, registered inside the
 * worker (a worker does not take a parent's --import). A worker that cannot
 * load says so on the flag, as one that fails later does.
 */
function startWorker(task: HelperTask): Worker {
  const here = import.meta.url;
  const failed = `(error) => { workerData.port.postMessage({ failed: String(error) }); Atomics.store(workerData.answered, 0, 1); Atomics.notify(workerData.answered, 0); }`;
  let load: string;
  if (here.endsWith('.cjs')) {
    // With the compiled code the CLI kept of its last run (bin/bundle-loader.cjs): compiling it afresh took the worker 0.5-1.4 s.
    const bundle = fileURLToPath(here);
    load = `Promise.resolve().then(() => require(${JSON.stringify(fileURLToPath(new URL('../../bin/bundle-loader.cjs', here)))}).loadBundle(${JSON.stringify(bundle)}, false).layoutWorker())`;
  } else {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
    load = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./layout-worker.ts', here).href)}); }).then((m) => m.layoutWorker())`;
  }
  return new Worker(`const { workerData } = require('node:worker_threads');\n${load}.catch(${failed});`, { eval: true, workerData: task, transferList: [task.port], stdout: false, stderr: false });
}

/** A second thread composing for one build; `precomposed` hands its work to the layout. */
export class SecondThread {
  private answer: HelperAnswer | undefined;
  private adopted: { cache: CompositionCache; count: number } | undefined;

  private constructor(private readonly worker: Worker, private readonly port: MessagePort, private readonly answered: Int32Array) {}

  /** Started at the beginning of a build; undefined when no thread can be started (the build goes on, on one). */
  static start(dir: string): SecondThread | undefined {
    const { port1, port2 } = new MessageChannel();
    const answered = new Int32Array(new SharedArrayBuffer(4));
    try {
      const worker = startWorker({ dir, port: port2, answered });
      worker.unref(); // a build that ends early does not wait for it
      worker.on('error', () => undefined); // a failure is an answer it never gives
      return new SecondThread(worker, port1, answered);
    } catch {
      return undefined;
    }
  }

  /**
   * The compositions of `book`'s later parts, for layoutForPrint. `take()`
   * waits for them (synchronously: layout is) at most three times as long as
   * this thread's own layout has taken by then, and at least ten seconds.
   */
  precomposed(book: Book, partFiles: readonly VFile[], loaded: LoadedFonts): Precomposed | undefined {
    const fromPart = firstPartFrom(book, partFiles, splitFile(partFiles));
    if (fromPart >= book.parts.length) return undefined;
    const started = performance.now();
    let taken: CompositionCache | undefined | null = null;
    return {
      fromPart,
      take: () => {
        if (taken === null) taken = this.receive(loaded, Math.max(10_000, 3 * (performance.now() - started)));
        return taken;
      },
    };
  }

  private receive(loaded: LoadedFonts, waitMs: number): CompositionCache | undefined {
    Atomics.wait(this.answered, 0, 0, waitMs);
    this.answer ??= receiveMessageOnPort(this.port)?.message as HelperAnswer | undefined;
    this.stop();
    if (!this.answer || 'failed' in this.answer) return undefined;
    openFontsByKey(loaded, this.answer.fonts);
    const cache = new CompositionCache();
    cache.startBuild();
    const entries = unpackCompositions(this.answer.packed);
    cache.adopt(entries);
    this.adopted = { cache, count: entries.length };
    return cache;
  }

  /** Why the second thread gave nothing: its failure, or that it had not answered in time. */
  get failure(): string | undefined {
    if (this.adopted) return undefined;
    return this.answer && 'failed' in this.answer ? this.answer.failed : 'no answer in time';
  }

  /** How many paragraphs the second thread composed, and how often the layout found one of them (none: it did not help). */
  get share(): { composed: number; found: number } {
    return { composed: this.adopted?.count ?? 0, found: this.adopted?.cache.counters.hits ?? 0 };
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
