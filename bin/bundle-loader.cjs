// Loads the CLI bundle (dist/cli/cli.cjs) with V8's compiled code of an
// earlier run. Used by bin/nianjian.js, and by a build's second thread
// (src/pipeline/parallel-layout.ts), which reads the same cache and writes none.
'use strict';
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

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

/** The bundle's exports; `writeCache`: write the compiled code when the process ends, if the cache was missing or refused. */
function loadBundle(bundle, writeCache = true) {
  const { mtimeMs, size } = statSync(bundle);
  const bundleKey = `cli-${Math.round(mtimeMs)}-${size}-`;
  const cacheFile = join(dirname(bundle), `${bundleKey}v8-${process.versions.v8}.v8cache`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  if (writeCache && (!cachedData || script.cachedDataRejected)) {
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

module.exports = { loadBundle };
