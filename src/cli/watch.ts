/**
 * `nianjian watch`: build once, then rebuild whenever a file of the
 * manuscript changes. Changes that arrive during a build are gathered into
 * one more build after it, so an editor's save-all never queues ten builds.
 *
 * The watching is chokidar's: one inotify watch per folder on Linux and an
 * editor's atomic save (a temporary file renamed over the original, or vim's
 * rename-away-and-write-anew) seen as one change. Node's own recursive
 * `fs.watch` missed six saves in ten of that kind on Node 20.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { watch as watchFolder } from 'chokidar';
import { errnoOf, faultReason } from '../io/index.ts';

export interface WatchOptions {
  dir: string;
  /** The output folder: it must lie outside `dir` (see outInsideManuscript). */
  outDir: string;
  /** Runs one build; its exit code is only reported, never fatal. */
  rebuild: () => Promise<number>;
  out: (s: string) => void;
  signal: AbortSignal;
  /** Quiet time after the last change before building (editors save in bursts). */
  settleMs?: number;
}

/** The output folder a book may keep inside itself: the manuscript read skips it (io/probe-images.ts), the watch ignores it. */
const OWN_OUTPUT = 'output';

/** An editor's or the system's own file, never part of the manuscript: hidden files, backups, swap and temporary files; and the book's output/. */
const NOT_MANUSCRIPT = /(^|[/\\])\.|~$|\.sw[px]$|\.tmp(-\d+)?$|___jb_(tmp|old)___$|(^|[/\\])4913$|^output([/\\]|$)/;

/**
 * Why the watch stopped, in Chinese: chokidar's error is the system's
 * (`ENOSPC: System limit for number of file watchers reached`), which was
 * printed as it came. ENOSPC from a watch is the inotify limit, not a full disk.
 */
export function watchStopped(error: unknown, dir: string): string {
  const why = errnoOf(error) === 'ENOSPC'
    ? `系统允许监视的文件夹数已用完（ENOSPC，inotify 的 max_user_watches）：请关闭其他监视文件的程序（编辑器、同步盘），或请管理员调高 fs.inotify.max_user_watches`
    : faultReason(error, dir, '监视书稿目录');
  return `停止监视 watching stopped: ${why}。请确认书稿目录 ${dir} 仍在，再运行 nianjian watch。`;
}

/** The real path of `path`, also when it does not exist yet (the real path of its nearest existing folder, then the rest). */
function realPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : join(realPath(parent), basename(full));
}

/**
 * A Chinese message when the output folder is the manuscript folder or lies
 * inside it (also through a symbolic link): every build would then change the
 * manuscript it watches. Undefined when the two are apart.
 */
export function outInsideManuscript(dir: string, outDir: string): string | undefined {
  const rel = relative(realPath(dir), realPath(outDir));
  // The book's own output/ (`nianjian watch` in the book folder) is never read as manuscript nor watched.
  if (rel.startsWith('..') || isAbsolute(rel) || rel === OWN_OUTPUT) return undefined;
  const suggestion = join(dirname(resolve(dir)), `${basename(resolve(dir))}-output`);
  return `输出目录 ${outDir} 在书稿目录 ${dir} 之内：每次生成都会改动所监视的书稿，导致无休止地重新生成。`
    + `请用 --out 指定书稿目录之外的文件夹，例如 --out ${relative(process.cwd(), suggestion) || suggestion} [out-inside-manuscript]`;
}

export async function watchManuscript(options: WatchOptions): Promise<number> {
  const { rebuild, out, signal, settleMs = 150 } = options;
  // Nothing to watch: one build says which folder is missing and what to do.
  if (!existsSync(options.dir) || !statSync(options.dir).isDirectory()) return rebuild();
  const refused = outInsideManuscript(options.dir, options.outDir);
  if (refused) {
    out(refused);
    return 2;
  }
  const dir = resolve(options.dir);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** A build is waiting for the one under way: it will read every change made meanwhile, so no second one is queued. */
  let queued = false;
  const run = () => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      if (signal.aborted) return;
      const started = performance.now();
      const code = await rebuild().catch((e: unknown) => {
        out(`构建中断 build failed: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      });
      out(`${code === 0 ? '已更新 rebuilt' : '有问题 rebuilt with problems'} in ${(performance.now() - started).toFixed(0)} ms — 等待修改 watching ${options.dir} (Ctrl-C 退出)`);
    });
  };
  const watcher = watchFolder(dir, { ignoreInitial: true, ignored: (path) => NOT_MANUSCRIPT.test(relative(dir, path)) });
  const changed = (path: string) => {
    pending.add(relative(dir, path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const names = [...pending].sort();
      pending = new Set();
      out(`修改 changed: ${names.join(', ')}`);
      run();
    }, settleMs);
  };
  await new Promise<void>((resolve) => {
    let stopped = false;
    const stop = () => {
      stopped = true;
      resolve();
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    // Every folder is watched before the first build, so no save during it is missed.
    watcher.once('ready', () => stopped || run());
    // A new folder is a change too: one with a part's name (a build reports it), a front/ or a photo folder made empty.
    watcher.on('add', changed).on('change', changed).on('unlink', changed).on('addDir', changed);
    watcher.on('unlinkDir', (path) => {
      if (path !== dir) return changed(path);
      // The folder removed or renamed under us: say so and stop, no stack trace.
      out(`停止监视 watching stopped: 书稿目录 ${options.dir} 已不在。请确认它仍在，再运行 nianjian watch。`);
      stop();
    });
    watcher.on('error', (e) => {
      out(watchStopped(e, options.dir));
      stop();
    });
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
  return 0;
}
