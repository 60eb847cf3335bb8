#!/usr/bin/env node
// The nianjian CLI. Sources are TypeScript; tsx compiles them on the fly
// (cached), so `npx nianjian` never runs a stale build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
