#!/usr/bin/env -S node --v8-pool-size=1 --max-semi-space-size=16
// The nianjian CLI. One V8 helper thread, not four (the flag above, and in
// package.json's scripts): on a two-core machine four helpers compiling and
// collecting take turns with the main thread on the same two cores, and the
// sample's build took 0.17 s longer (interleaved runs on Node 20, 2.23 s
// against 2.06 s; on Node 24 and 26 one helper is still the fastest, by 0.1 s
// against two). A young generation of 16 MB a half, not the 64 MB V8 grows
// it to: the sample's build peaks at 370 MB instead of 442 MB, in the same
// time (whole builds in turn on the 2-core AMD machine, Node 24: wall 0.96,
// 0.96, 0.97 and 1.02 of without in four runs of 6-20 pairs; the collector's
// share of the main thread 269-317 ms against 276-305 ms). It runs on
// whatever Node >= 20 the user has.
// `npm install` in a clone (and `npm pack`) bundles the sources into
// dist/cli/cli.cjs; in a clone it is used only while it is newer than every
// file under src/, otherwise the sources run through tsx, so `npx nianjian`
// never runs a stale build. The installed package (npm pack's tarball) has
// the bundle and no src/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'dist/cli/cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundle, unless this is a clone whose sources changed since it was made. An installed package has no src/: its bundle is what it runs. */
function isFresh() {
  if (!existsSync(join(root, 'src'))) return true;
  try {
    return statSync(bundle).mtimeMs >= newestSource(join(root, 'src'));
  } catch {
    return false;
  }
}

/**
 * Runs the bundle with V8's compiled code of an earlier run (vm.Script
 * cachedData): starting then costs a third of what compiling does. The cache
 * is named by the bundle's time and size, as V8 itself checks little more
 * than the length of the source, and by the V8 that made it (the pinned Node
 * and another one each keep their own); a missing or refused cache is
 * written when the run ends, with the code compiled by then, and the caches
 * of older bundles are removed. Failing to write it (a read-only install)
 * only means compiling again next time.
 * Node's own module.enableCompileCache() (Node >= 22.1) was measured against
 * it: 0.52 s of CPU to start against 0.45 s on Node 22 and 24 (it keeps only
 * the code compiled while loading), and Node 20 has none (0.77 s); README.
 */
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/**
 * The cache's bytes when whole: each file ends with the SHA-256 of what it
 * holds, as V8 checks only the header of cached data and a damaged body (a
 * full disk, a crash while writing) must never reach it. Anything else is
 * no cache: compiled afresh and written again.
 */
function readCache(file) {
  try {
    const data = readFileSync(file);
    if (data.length <= 32) return undefined;
    const body = data.subarray(0, data.length - 32);
    return sha256(body).equals(data.subarray(data.length - 32)) ? body : undefined;
  } catch {
    return undefined;
  }
}

function loadBundle() {
  const { mtimeMs, size } = statSync(bundle);
  const bundleKey = `cli-${Math.round(mtimeMs)}-${size}-`;
  const cacheFile = join(dirname(bundle), `${bundleKey}v8-${process.versions.v8}.v8cache`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        for (const old of readdirSync(dirname(bundle))) {
          if (old.endsWith('.v8cache') && !old.startsWith(bundleKey)) rmSync(join(dirname(bundle), old), { force: true });
        }
        const temporary = `${cacheFile}.${process.pid}`;
        const data = script.createCachedData();
        writeFileSync(temporary, Buffer.concat([data, sha256(data)]));
        renameSync(temporary, cacheFile);
      } catch {
        try {
          rmSync(`${cacheFile}.${process.pid}`, { force: true });
        } catch {}
      }
    });
  }
  return module.exports;
}

// `nianjian check | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Any other write error is the CLI's to report (exit 3, a line on stderr) while it runs; after, its exit code stands.
  if (process.stdout.listenerCount('error') > 1) return;
  if (process.exitCode !== undefined) process.exit(process.exitCode);
  throw error;
});

// The last resort: an error that escaped every handler is one Chinese line, never a stack
// trace, and a code of its own (70). Outputs are committed only at the end of a build, so
// the last good ones are untouched.
const lastResort = (error) => {
  const reason = String(error?.message ?? error).split('\n')[0].replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 300);
  process.stdout.write(`nianjian 内部错误：${reason}。上次生成的文件保持不变。请把这条信息与书稿一并发给维护者。 [internal-error]\n`);
  process.exit(70);
};
process.on('uncaughtException', lastResort).on('unhandledRejection', lastResort);

// A terminal left in a folder that was since deleted (a fresh copy of the book
// unpacked over the old one, a shared folder synced anew): every relative path,
// tsx and each VFile read the current folder, and the first of them threw
// (exit 70 'internal error', before anything was read). Said here, before
// anything is loaded, with what to do: the folder the shell is in is the
// command line's mistake (exit 2).
try {
  process.cwd();
} catch {
  process.stdout.write('nianjian：当前所在的文件夹已不存在（已被删除或移走）。请用 cd 进入书稿所在的文件夹后重新运行。 [cwd-missing]\n');
  process.exit(2);
}

// Ctrl-C and SIGTERM stop a build (its temporary files removed, exit 130) or end a watch;
// a second Ctrl-C is the system's own and ends the process at once. Listened for
// before the bundle loads (0.15-0.8 s): a Ctrl-C then had Node's default end the
// process without a word; now the command starts already stopped and says so.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop.abort(signal));
let main;
if (isFresh()) ({ main } = loadBundle());
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
const code = await main(process.argv.slice(2), undefined, stop.signal);
// An interrupted build may still be running in the background: it is stopped here, with nothing committed.
if (stop.signal.aborted) process.exit(code);
process.exitCode = code;
// A one-shot command ends as soon as what it printed is written: left to drain,
// the process spent some 0.15 s more tearing down its heap (a build's is about
// 450 MB) after the outputs were committed. Its outputs and caches are written
// when main resolves; process.exit still runs the 'exit' handler that keeps
// the code cache. watch and preview have ended by now too, but close their own
// servers and watchers: they are left to drain.
if (process.argv[2] !== 'watch' && process.argv[2] !== 'preview') {
  let streams = 2;
  const written = () => --streams === 0 && process.exit(code);
  process.stdout.write('', written);
  process.stderr.write('', written);
}
