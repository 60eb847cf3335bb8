/**
 * A build on two threads (issue 24, src/pipeline/parallel-layout.ts): the
 * second thread composes the later parts' paragraphs, this one lays out the
 * book. The outputs must be the bytes of a build on one thread, with the
 * same messages in the same order; and the second thread must really have
 * done its share, or the comparison proves nothing.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkManuscript } from '../../src/build/index.ts';
import { loadFonts, readManuscript } from '../../src/io/index.ts';
import { type BuildOutcome, runBuild } from '../../src/pipeline/index.ts';
import { SecondThread, splitFile } from '../../src/pipeline/parallel-layout.ts';
import { outputIn } from '../helpers/outputs.ts';

const SAMPLE = join(import.meta.dirname, '../../manuscript');

async function build(layoutThreads: 1 | 2): Promise<{ outcome: BuildOutcome; pdf: Buffer; epub: Buffer; messages: string[] }> {
  const out = mkdtempSync(join(tmpdir(), `nianjian-threads-${layoutThreads}-`));
  const outcome = await runBuild({ dir: SAMPLE, out, draft: false, epub: true, log: () => {}, layoutThreads });
  const messages = outcome.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
  return { outcome, pdf: readFileSync(outputIn(out, '.pdf')), epub: readFileSync(outputIn(out, '.epub')), messages };
}

test('the sample built on two threads is byte for byte the sample built on one, messages in the same order', async () => {
  const one = await build(1);
  const two = await build(2);
  expect(one.outcome.status).toBe('built');
  expect(two.outcome.status).toBe('built');
  expect(one.outcome.secondThread).toBeUndefined();
  // The later half of the text was composed on the second thread and found by the layout.
  expect(two.outcome.secondThread!.composed).toBeGreaterThan(1000);
  expect(two.outcome.secondThread!.found).toBeGreaterThanOrEqual(two.outcome.secondThread!.composed);
  expect(two.messages).toEqual(one.messages);
  expect(two.pdf.equals(one.pdf)).toBe(true);
  expect(two.epub.equals(one.epub)).toBe(true);
}, 300_000);

test('a second thread that cannot read the book answers so at once, and the layout composes those parts itself', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-threads-')), 'manuscript');
  cpSync(SAMPLE, dir, { recursive: true });
  const read = await readManuscript(dir);
  const book = checkManuscript(read.files, read.all).book!;
  const second = SecondThread.start(join(dir, 'no-such-folder'))!;
  const precomposed = second.precomposed(book, read.files.parts, await loadFonts())!;
  expect(precomposed.fromPart).toBeGreaterThan(0);
  expect(precomposed.fromPart).toBeLessThan(book.parts.length);
  expect(precomposed.take()).toBeUndefined();
  expect(second.failure).toBe('book.yaml is unusable'); // its answer, not the wait running out
  expect(second.share).toEqual({ composed: 0, found: 0 });
}, 120_000);

test('the split gives the second thread the later part files, about half of the text', async () => {
  const read = await readManuscript(SAMPLE);
  const sizes = read.files.parts.map((f) => String(f.value).length);
  const at = splitFile(read.files.parts);
  const later = sizes.slice(at).reduce((a, b) => a + b, 0) / sizes.reduce((a, b) => a + b, 0);
  expect(later).toBeGreaterThan(0.35);
  expect(later).toBeLessThan(0.65);
});
