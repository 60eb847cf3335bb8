import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manuscriptAtRevision } from './earlier-proof.ts';

/** A git repository whose book is in its subfolder `manuscript/`, committed with 旧文, then edited to 新文. */
function repoWithBookInSubfolder(): string {
  const repo = mkdtempSync(join(tmpdir(), 'nianjian-since-repo-'));
  const book = join(repo, 'manuscript');
  mkdirSync(book);
  writeFileSync(join(repo, 'README'), 'x\n');
  writeFileSync(join(book, '01-篇.md'), '# 篇\n\n旧文。\n');
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'v1');
  writeFileSync(join(book, '01-篇.md'), '# 篇\n\n新文。\n');
  return book;
}

// A book in a subfolder of its repository (as the sample is in manuscript/): git archive run
// there limited the archive to the subfolder's own path inside the subtree and failed with
// "current working directory is untracked", so --since HEAD never worked outside a repository's root.
test('the manuscript at a revision, for a book in a subfolder of its git repository', async () => {
  const got = await manuscriptAtRevision(repoWithBookInSubfolder(), 'HEAD');
  if (typeof got === 'string') throw new Error(got);
  try {
    expect(readFileSync(join(got.path, '01-篇.md'), 'utf8')).toBe('# 篇\n\n旧文。\n');
  } finally {
    await got.remove();
  }
});

test('a revision before the book was added is a reason, not a throw', async () => {
  const book = repoWithBookInSubfolder();
  expect(await manuscriptAtRevision(book, 'HEAD~1')).toMatch(/不是书稿目录所在 git 库中的版本/);
  expect(await manuscriptAtRevision(book, '--output=/tmp/x')).toMatch(/不能以“-”开头/);
});
