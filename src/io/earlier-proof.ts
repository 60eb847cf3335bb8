/**
 * The earlier proof a draft is compared with (build --since, issue 23): the
 * manifest written beside its PDF, read as any text nianjian reads (a
 * regular file, bounded in size); or the manuscript at a git revision, for
 * the pipeline to lay out again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultReason } from './faults.ts';
import { notRegularReason, refusalOf } from './safe-read.ts';

/** The manifest's text, or why it cannot be read. */
export async function readEarlierManifest(since: string): Promise<{ text: string } | string> {
  try {
    const refused = await refusalOf(since, undefined);
    // Said in words: the rule's id (file-not-regular) was the whole reason.
    if (refused?.[0] === 'file-not-regular') return notRegularReason(String(refused[1].kind));
    if (refused?.[0] === 'file-too-large') return `文件有 ${refused[1].size} MB，超过上限 ${refused[1].limit} MB`;
    if (refused) return '不能读取此文件';
    return { text: await readFile(since, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? '找不到此文件' : faultReason(error, since, '读取');
  }
}

/**
 * The manuscript folder `dir` as it was at git revision `rev`, written into
 * a new temporary folder (git archive of the folder's subtree, unpacked by
 * tar); `remove()` deletes it. Or why it cannot be had.
 */
export async function manuscriptAtRevision(dir: string, rev: string): Promise<{ path: string; remove: () => Promise<void> } | string> {
  if (rev.startsWith('-')) return '版本名不能以“-”开头';
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  let tarball: Buffer;
  try {
    const prefix = git('rev-parse', '--show-prefix').toString().trim().replace(/\/$/, '');
    // Archived from the top of the work tree: run in a subfolder (a book in
    // the repository's manuscript/), git archive also limits the archive to
    // that subfolder's path inside the tree it is given, which the subtree
    // rev:prefix does not have ("current working directory is untracked").
    const top = git('rev-parse', '--show-toplevel').toString().trim();
    tarball = execFileSync('git', ['-C', top, 'archive', '--format=tar', prefix ? `${rev}:${prefix}` : rev], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    return `不是书稿目录所在 git 库中的版本（${stderr || 'git 出错'}）`;
  }
  const path = await mkdtemp(join(tmpdir(), 'nianjian-since-'));
  const remove = () => rm(path, { recursive: true, force: true });
  try {
    execFileSync('tar', ['-x', '-C', path], { input: tarball, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch {
    await remove();
    return '无法解开该版本的书稿（tar 出错）';
  }
  return { path, remove };
}
