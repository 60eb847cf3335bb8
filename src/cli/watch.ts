/**
 * `nianjian watch`: build once, then rebuild whenever a file of the
 * manuscript changes. Changes that arrive during a build are gathered into
 * one more build after it, so an editor's save-all never queues ten builds.
 */
import { existsSync, statSync, watch as watchTree } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

export interface WatchOptions {
  dir: string;
  /** The output folder: its own writes are not edits, even when it lies inside `dir`. */
  outDir: string;
  /** Runs one build; its exit code is only reported, never fatal. */
  rebuild: () => Promise<number>;
  out: (s: string) => void;
  signal: AbortSignal;
  /** Quiet time after the last change before building (editors save in bursts). */
  settleMs?: number;
}

export async function watchManuscript(options: WatchOptions): Promise<number> {
  const { dir, rebuild, out, signal, settleMs = 150 } = options;
  // Nothing to watch: one build says which folder is missing and what to do.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return rebuild();
  const own = relative(resolve(dir), resolve(options.outDir));
  const isOwnWrite = (name: string) => own !== '' && !own.startsWith('..') && (name === own || name.startsWith(`${own}${sep}`));
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      const started = performance.now();
      const code = await rebuild().catch((e: unknown) => {
        out(`构建中断 build failed: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      });
      out(`${code === 0 ? '已更新 rebuilt' : '有问题 rebuilt with problems'} in ${(performance.now() - started).toFixed(0)} ms — 等待修改 watching ${dir} (Ctrl-C 退出)`);
    });
  };
  run();
  const watcher = watchTree(dir, { recursive: true, signal }, (_event, name) => {
    if (!name || /(^|\/)\.|~$|\.swp$/.test(String(name)) || isOwnWrite(String(name))) return;
    pending.add(String(name));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].sort();
      pending = new Set();
      out(`修改 changed: ${changed.join(', ')}`);
      run();
    }, settleMs);
  });
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
    // The folder removed or renamed under us: say so and stop, no stack trace.
    watcher.on('error', (e) => {
      out(`停止监视 watching stopped: ${e.message}。请确认书稿目录 ${dir} 仍在，再运行 nianjian watch。`);
      resolve();
    });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  return 0;
}
