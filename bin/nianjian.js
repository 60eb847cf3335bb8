#!/usr/bin/env node
// The nianjian CLI. Sources are TypeScript; tsx compiles them on the fly
// (cached), so `npx nianjian` never runs a stale build.
import { register } from 'tsx/esm/api';

register();
// `nianjian check | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
