// Bundles the CLI with esbuild into dist/cli/cli.cjs (run by `npm install` as
// prepare). bin/nianjian.js uses the bundle only while it is newer than every
// file under src/, otherwise the sources run through tsx, so an edit is never
// hidden by a stale bundle. A failure here leaves the CLI on tsx, slower, never broken.
//
// One CommonJS file with the pure-JS packages inside: Node then resolves and
// compiles one file instead of some three hundred modules, and bin/nianjian.js
// can keep V8's compiled code for it between runs (vm.Script cachedData, which
// Node 20 has for scripts only). Starting took 0.33 s as ES modules, 0.15 s so.
// Left outside: sharp (native), subset-font (loads its HarfBuzz wasm beside
// itself), pdfjs-dist (served to the browser as files).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { build } from 'esbuild';

/**
 * The bundle with every character outside ASCII written as a \u escape, or
 * undefined to keep it as it is. esbuild escapes them in strings but not in
 * regular expression literals, and those 323 characters made the whole 6.5 MB
 * a two-byte string: reading it at each start took 25-49 ms instead of
 * 11-16 ms (6 runs, own sessions). A \u escape means the same character in a
 * regular expression, with or without its u flag (a surrogate pair written as
 * two escapes is one code point there); after a backslash it would not, and
 * then nothing is changed.
 */
function asciiOnly(text) {
  if (!/[^\x00-\x7f]/.test(text) || /\\[^\x00-\x7f]/.test(text)) return undefined;
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

try {
  const { outputFiles } = await build({
    entryPoints: { cli: 'src/cli/index.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['sharp', 'subset-font', 'pdfjs-dist'],
    ...(typeof zlib.crc32 === 'function' ? { alias: { 'buffer-crc32': './scripts/bundle/buffer-crc32.cjs' } } : {}),
    logLevel: 'warning', minifyWhitespace: true, minifySyntax: true,
    // ES module code asks import.meta for its place; in the bundle that is the bundle's
    // (dist/cli is two folders deep, as src/io is, so paths like ../../fonts still hold).
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__import_meta_url' },
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    write: false,
  });
  // Replaced whole (a CLI starting meanwhile reads the old bundle or the new one), old code caches dropped.
  mkdirSync('dist/cli', { recursive: true });
  for (const name of readdirSync('dist/cli')) if (name.endsWith('.v8cache')) rmSync(`dist/cli/${name}`, { force: true });
  for (const output of outputFiles) {
    writeFileSync(`${output.path}.${process.pid}`, asciiOnly(output.text) ?? output.contents);
    renameSync(`${output.path}.${process.pid}`, output.path);
  }
} catch (error) {
  console.warn(`nianjian: no bundle (${error.message}); the CLI runs the sources through tsx`);
}
