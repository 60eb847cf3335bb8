#!/usr/bin/env node
// The nianjian CLI. `npm install` bundles the sources into dist/cli/cli.mjs;
// it is used only while it is newer than every file under src/, otherwise the
// sources run through tsx, so `npx nianjian` never runs a stale build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'dist/cli/cli.mjs');

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

// `nianjian check | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
if (isFresh()) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv.slice(2));
