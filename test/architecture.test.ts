/**
 * code-style §9.1: a stage folder imports only from the stages before it,
 * and only through their index.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
/** The stage order; a folder may import from folders earlier in this list. */
const ORDER = ['units', 'diagnostics', 'config', 'model', 'cjk', 'font', 'parse', 'derive', 'compose', 'layout', 'render', 'build', 'io', 'pipeline', 'cli'];
/** Exceptions named by code-style §9.1: render/epub never sees layout; io sits beside build. */
const FORBIDDEN: Record<string, string[]> = { 'render/epub': ['layout'] };
const IGNORED = new Set(['types']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
}

const stageOf = (path: string) => relative(SRC, path).split('/')[0]!;

describe('architecture (code-style §9.1)', () => {
  const files = tsFiles(SRC).filter((f) => !IGNORED.has(stageOf(f)));

  test('every stage folder is a known stage', () => {
    const stages = new Set(files.map(stageOf));
    for (const s of stages) expect(ORDER, `unknown stage folder src/${s}`).toContain(s);
  });

  test('imports go only to earlier stages, through their index.ts', () => {
    const problems: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        const to = stageOf(target);
        if (to === from) continue;
        const where = `${relative(SRC, file)} → ${spec}`;
        if (ORDER.indexOf(to) > ORDER.indexOf(from)) problems.push(`${where}: ${from} may not import ${to}`);
        if (relative(join(SRC, to), target) !== 'index.ts') problems.push(`${where}: import src/${to}/index.ts, not its internals`);
        for (const [prefix, banned] of Object.entries(FORBIDDEN)) {
          if (relative(SRC, file).startsWith(prefix) && banned.includes(to)) problems.push(`${where}: ${prefix} may not import ${to}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
