/**
 * The second thread of a build (parallel-layout.ts): reads and parses the
 * manuscript as the main thread does, composes the paragraphs of the later
 * parts with its own fonts, and posts them back packed, then says so on the
 * shared flag the main thread may be waiting on. Anything that goes wrong is
 * an answer too: the main thread then composes those parts itself.
 */
import { workerData } from 'node:worker_threads';
import { checkManuscript, composeParts } from '../build/index.ts';
import type { ComposedParagraph } from '../compose/index.ts';
import { loadBook, loadTemplate } from '../config/index.ts';
import { markNotes } from '../derive/index.ts';
import { hasErrors } from '../diagnostics/index.ts';
import { createFontProvider } from '../font/index.ts';
import { parseLaterParts } from '../parse/index.ts';
import { imageSizeOf, loadFonts, readManuscript, readTemplateFile } from '../io/index.ts';
import { packCompositions, packedBuffers } from './packed-compositions.ts';
import { firstPartFrom, type HelperAnswer, type HelperTask, splitFile } from './parallel-layout.ts';

/** Each font the lines use, with a character set in it (the main thread opens those fonts by it). */
function fontsOf(entries: ReadonlyArray<readonly [string, ComposedParagraph]>): Array<[string, string]> {
  const fonts = new Map<string, string>();
  for (const [, composed] of entries) {
    for (const line of composed.lines) for (const ref of line.glyphs.refs) if (!fonts.has(ref.fontKey)) fonts.set(ref.fontKey, ref.text);
  }
  return [...fonts];
}

/**
 * The later parts, parsed alone (half the parse) unless notes are numbered
 * through the book: their marks then count the earlier parts' notes.
 */
async function laterParts(dir: string): Promise<HelperAnswer> {
  const [loaded, read] = await Promise.all([loadFonts({ bookDir: dir }), readManuscript(dir)]);
  const settings = read.files.book ? loadBook(read.files.book) : undefined;
  if (!settings) return { failed: 'book.yaml is unusable' };
  const template = loadTemplate(await readTemplateFile(dir, settings.template));
  if (!template) return { failed: 'no template' };
  const fileSplit = splitFile(read.files.parts);
  const whole = template.footnotes.numbering === 'continuous';
  const book = whole ? checkManuscript(read.files, read.all).book : parseLaterParts(read.files, fileSplit);
  if (!book || hasErrors(read.all)) return { failed: 'the manuscript has errors' };
  markNotes(book, template.footnotes);
  const fromPart = whole ? firstPartFrom(book, read.files.parts, fileSplit) : 0;
  const entries = composeParts({ book, template, fonts: createFontProvider(loaded.set), imageSize: imageSizeOf(read) }, fromPart);
  return { packed: packCompositions(entries), fonts: fontsOf(entries) };
}

export async function layoutWorker(): Promise<void> {
  const { dir, port, answered } = workerData as HelperTask;
  const answer = await laterParts(dir).catch((error: unknown): HelperAnswer => ({ failed: String(error instanceof Error ? error.message : error) }));
  port.postMessage(answer, 'packed' in answer ? packedBuffers(answer.packed) : []);
  Atomics.store(answered, 0, 1);
  Atomics.notify(answered, 0);
}
