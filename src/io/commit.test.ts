/**
 * Stopping a build while its files are being written (issue 16): the
 * writes under way are waited for, then every temporary file is removed,
 * and nothing is put in place after stopping began.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { commitOutputs, ScratchFiles } from './commit.ts';
import { diskCache } from './disk-cache.ts';

const big = () => new Uint8Array(48 * 1024 * 1024).fill(7);

test('removeAll called while writes are under way leaves no temporary file behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-scratch-'));
  const scratch = new ScratchFiles();
  const cache = diskCache(dir, 'images', scratch);
  const writes = [cache.set('a-1', big()), cache.set('b-2', big()), cache.set('c-3', big())];
  await scratch.removeAll();
  await Promise.all(writes);
  const left = readdirSync(join(dir, '.cache', 'images'));
  expect(left.filter((n) => n.includes('.tmp-'))).toEqual([]);
  // No entry was renamed into place after stopping began either.
  expect(left).toEqual([]);
});

test('outputs are not renamed into place once stopping has begun; the old ones stay', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-scratch-'));
  writeFileSync(join(dir, 'book.pdf'), 'last good');
  const scratch = new ScratchFiles();
  const committing = commitOutputs([{ path: join(dir, 'book.pdf'), bytes: big() }, { path: join(dir, 'book.epub'), bytes: 'x' }], scratch);
  await scratch.removeAll();
  expect(await committing).toBeDefined();
  expect(await readFile(join(dir, 'book.pdf'), 'utf8')).toBe('last good');
  expect(readdirSync(dir)).toEqual(['book.pdf']);
});

test('a write that fails removes its own temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-scratch-'));
  const scratch = new ScratchFiles();
  await expect(scratch.write(join(dir, 'missing-folder', 'x.pdf'), 'x')).rejects.toThrow();
  expect(scratch.paths.size).toBe(0);
});

test('an output that cannot be replaced (a folder in its place) takes back the ones put in place before it: the last good set stays whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-scratch-'));
  writeFileSync(join(dir, 'book.pdf'), 'last good pdf');
  writeFileSync(join(dir, 'report.html'), 'last good report');
  mkdirSync(join(dir, 'book.epub'));
  const fault = await commitOutputs([
    { path: join(dir, 'book.pdf'), bytes: 'new pdf' }, { path: join(dir, 'new.json'), bytes: '{}' },
    { path: join(dir, 'book.epub'), bytes: 'new epub' }, { path: join(dir, 'report.html'), bytes: 'new report' },
  ]);
  expect(fault).toBeDefined();
  expect(await readFile(join(dir, 'book.pdf'), 'utf8')).toBe('last good pdf');
  expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe('last good report');
  expect(readdirSync(dir).sort()).toEqual(['book.epub', 'book.pdf', 'report.html']);
});

test('outputs that can all be replaced are, and no old copy is left beside them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-scratch-'));
  writeFileSync(join(dir, 'book.pdf'), 'last good pdf');
  expect(await commitOutputs([{ path: join(dir, 'book.pdf'), bytes: 'new pdf' }, { path: join(dir, 'book.epub'), bytes: 'new epub' }])).toBeUndefined();
  expect(await readFile(join(dir, 'book.pdf'), 'utf8')).toBe('new pdf');
  expect(readdirSync(dir).sort()).toEqual(['book.epub', 'book.pdf']);
});
