/**
 * Two builds into one folder put their outputs in place one after the
 * other (commit-lock.ts): a lock held by a live process is waited for, one
 * left by a process that is gone is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { commitOutputs } from './commit.ts';

const LOCK = '.nianjian-commit.lock';

test('a lock held by a live process is waited for: nothing is put in place until it is let go', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-lock-'));
  const holder = spawn('sleep', ['30']);
  try {
    writeFileSync(join(dir, LOCK), String(holder.pid));
    const commit = commitOutputs([{ path: join(dir, 'book.pdf'), bytes: 'pdf' }, { path: join(dir, 'book.epub'), bytes: 'epub' }]);
    await sleep(300);
    expect(existsSync(join(dir, 'book.pdf'))).toBe(false);
    rmSync(join(dir, LOCK));
    expect(await commit).toBeUndefined();
    expect(readFileSync(join(dir, 'book.pdf'), 'utf8')).toBe('pdf');
    expect(readdirSync(dir).sort()).toEqual(['book.epub', 'book.pdf']); // the lock is gone with the commit
  } finally {
    holder.kill();
  }
});

test('a lock left by a process that is gone is taken over at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-lock-'));
  const gone = spawn('true');
  await new Promise((done) => gone.on('exit', done));
  writeFileSync(join(dir, LOCK), String(gone.pid));
  // Waited for, it would hold the commit a minute: past the test's time.
  expect(await commitOutputs([{ path: join(dir, 'book.pdf'), bytes: 'pdf' }])).toBeUndefined();
  expect(readdirSync(dir)).toEqual(['book.pdf']);
});
