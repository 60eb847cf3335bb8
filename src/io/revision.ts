/**
 * What a proof is stamped with: the date (SOURCE_DATE_EPOCH when set, else
 * today) and the manuscript's revision (the git commit, + when edited since).
 */
import { execFileSync } from 'node:child_process';

export function draftDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

export function manuscriptRevision(dir: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', '.') ? `${commit}+` : commit;
  } catch {
    return '未纳入版本库';
  }
}
