/**
 * The layout on two threads (issue 24, src/pipeline/parallel-layout.ts):
 * the worker composes the later parts' paragraphs, this thread makes every
 * page. The PDF and EPUB must be the bytes of a build on one thread, with
 * the same messages in the same order.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runBuild } from '../../src/pipeline/index.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');

async function build(layoutThreads: 1 | 2) {
  const out = mkdtempSync(join(tmpdir(), `nianjian-threads-${layoutThreads}-`));
  const outcome = await runBuild({ dir: MANUSCRIPT, out, draft: false, epub: true, log: () => {}, layoutThreads });
  const files = Object.fromEntries(readdirSync(out).filter((n) => /\.(pdf|epub)$/.test(n)).map((n) => [n, readFileSync(join(out, n))]));
  const messages = outcome.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
  return { outcome, files, messages };
}

test('a build laid out on two threads writes the bytes of one laid out on one (issue 24)', async () => {
  const one = await build(1);
  const two = await build(2);
  expect(one.outcome.status).toBe('built');
  expect(two.outcome.status).toBe('built');
  // The worker did compose: about half the sample's paragraphs came from it.
  expect(one.outcome.fromWorker).toBe(0);
  expect(two.outcome.fromWorker).toBeGreaterThan(2000);
  expect(Object.keys(two.files).sort()).toEqual(['天津市河西年鉴-2024.epub', '天津市河西年鉴-2024.pdf']);
  for (const [name, bytes] of Object.entries(one.files)) expect(two.files[name]!.equals(bytes), name).toBe(true);
  expect(two.messages).toEqual(one.messages);
  expect(one.messages.length).toBeGreaterThan(10);
}, 600_000);
