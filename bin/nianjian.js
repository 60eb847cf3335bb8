#!/usr/bin/env -S node --v8-pool-size=1
// The nianjian CLI. One V8 helper thread, not four (the flag above, and in
// package.json's scripts): on a two-core machine four helpers compiling and
// collecting take turns with the main thread on the same two cores, and the
// sample's build took 0.17 s longer (interleaved runs on Node 20, 2.23 s
// against 2.06 s; on Node 24 and 26 one helper is still the fastest, by 0.1 s
// against two). `npm install` also brings the pinned Node that the npm
// scripts and npx run this on (package.json, optionalDependencies).
// `npm install` bundles the sources into dist/cli/cli.cjs; it is used only
// while it is newer than every file under src/, otherwise the sources run
// through tsx, so `npx nianjian` never runs a stale build.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function isFresh() {
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
 */
function loadBundle() {
  const { mtimeMs, size } = statSync(bundle);
  const bundleKey = `cli-${Math.round(mtimeMs)}-${size}-`;
  const cacheFile = join(dirname(bundle), `${bundleKey}v8-${process.versions.v8}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
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
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {}
    });
  }
  return module.exports;
}

// `nianjian check | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
if (isFresh()) ({ main } = loadBundle());
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv.slice(2));
