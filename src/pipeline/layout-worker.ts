/**
 * The second thread of a build (parallel-layout.ts): lays out the parts it
 * is given with its own copy of the fonts, and posts back every paragraph
 * it composed, by the composition cache's key. Composition is pure, so the
 * main thread then finds those paragraphs composed exactly as it would
 * have composed them itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { layoutForPrint } from '../build/index.ts';
import { LayoutCaches } from '../layout/index.ts';
import { createFontProvider } from '../font/index.ts';
import { loadFonts } from '../io/index.ts';
import type { LayoutTask } from './parallel-layout.ts';

async function layOut(task: LayoutTask): Promise<void> {
  const loaded = await loadFonts();
  const caches = new LayoutCaches();
  caches.startBuild();
  layoutForPrint({ book: task.book, template: task.template, fonts: createFontProvider(loaded.set), imageSize: (src) => task.imageSizes.get(src), layoutCaches: caches });
  parentPort!.postMessage(caches.composition.entries());
}

layOut(workerData as LayoutTask).catch((error: unknown) => parentPort!.postMessage({ failed: String(error instanceof Error ? error.message : error) }));
