/**
 * The CLI as installed: `npm install` bundles src/ into one minified
 * CommonJS file (scripts/bundle.mjs) that bin/nianjian.js runs with V8's
 * code cache. What it writes must be what the sources write, byte for byte,
 * with the cache and without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const MANUSCRIPT = join(ROOT, 'manuscript');

const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).filter((n) => /\.(pdf|epub)$/.test(n)).map((n) => [n, readFileSync(join(dir, n))]));

test('the bundled CLI, with its code cache and without, writes the bytes the sources write', async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT });
  const cacheFiles = () => readdirSync(join(ROOT, 'dist/cli')).filter((n) => n.endsWith('.v8cache'));

  const fromSources = mkdtempSync(join(tmpdir(), 'nianjian-src-'));
  expect(await main(['build', MANUSCRIPT, '--out', fromSources], () => {})).toBe(0);
  const expected = outputs(fromSources);
  expect(Object.keys(expected).sort()).toEqual(['天津市河西年鉴-2024.epub', '天津市河西年鉴-2024.pdf']);

  const damage: Record<string, (file: string) => void> = {
    'first run (compiles, then writes the cache)': () => {},
    'second run (from the cache)': () => {},
    'a cache emptied by a full disk (made again)': (file) => writeFileSync(file, ''),
    'a cache with a damaged body (refused by its hash, made again)': (file) => {
      const bytes = readFileSync(file);
      bytes.fill(0x5a, bytes.length >> 2, bytes.length >> 1);
      writeFileSync(file, bytes);
    },
  };
  for (const [run, spoil] of Object.entries(damage)) {
    for (const name of cacheFiles()) spoil(join(ROOT, 'dist/cli', name));
    const out = mkdtempSync(join(tmpdir(), 'nianjian-bundle-'));
    execFileSync(process.execPath, [join(ROOT, 'bin/nianjian.js'), 'build', MANUSCRIPT, '--out', out], { cwd: ROOT, stdio: 'ignore' });
    expect(cacheFiles(), run).toHaveLength(1); // named by this bundle's time and size and this V8
    const got = outputs(out);
    for (const [name, bytes] of Object.entries(expected)) expect(got[name]?.equals(bytes), `${run}: ${name}`).toBe(true);
  }
}, 240_000);
