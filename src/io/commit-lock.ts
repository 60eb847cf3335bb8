/**
 * One build at a time puts its outputs in place in a folder. Two builds
 * into one --out (a watch session and a build by hand, two proofreaders'
 * terminals) each put their files in place one by one, and at the same
 * moment could leave one's PDF beside the other's EPUB and manifest. The
 * lock is a hidden file made exclusively, holding the process id; one whose
 * process is gone (killed while committing) is taken over. Putting outputs
 * in place takes milliseconds, so a build waits for the other's.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = '.nianjian-commit.lock';
const POLL_MS = 50;
/** Longer than any commit: a lock older than this is a holder that hangs, taken over. */
const MOST_WAIT_MS = 60_000;

/** Runs `work` holding the commit lock of `dir`. */
export async function withCommitLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK);
  const held = await take(path);
  try {
    return await work();
  } finally {
    if (held) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Makes the lock file, waiting while a live process holds it; false when the folder takes no lock (its own fault shows in the commit). */
async function take(path: string): Promise<boolean> {
  const start = Date.now();
  for (;;) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    if (!(await isHeld(path)) || Date.now() - start > MOST_WAIT_MS) await rm(path, { force: true }).catch(() => undefined);
    else await sleep(POLL_MS);
  }
}

/** A lock file without its process id yet is one just made: held for this long. */
const BEING_MADE_MS = 5_000;

/** Whether the process named in the lock file is alive (this one too: another build in this process). */
async function isHeld(path: string): Promise<boolean> {
  const pid = Number(await readFile(path, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) {
    const made = await stat(path).then((s) => s.mtimeMs, () => 0);
    return Date.now() - made < BEING_MADE_MS;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
