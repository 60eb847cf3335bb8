/**
 * The watch rebuild as an editor meets it: `nianjian watch` in a process of
 * its own on a copy of the manuscript, one-paragraph edits saved one after
 * another, each rebuild's time read from the line it prints.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FLAGS, OWN_SESSION_FLAGS } from './run-cli.ts';

export interface WatchTimes {
  file: string;
  /** The first edit brings a character the book does not have: the font subset is numbered anew from there. */
  newCharacter: number;
  /** Later edits in known characters, in ms. */
  known: number[];
  reuse: string;
}

export async function benchWatch(dir: string, bin: string): Promise<WatchTimes> {
  const copy = join(mkdtempSync(join(tmpdir(), 'nianjian-bench-watch-')), 'manuscript');
  cpSync(dir, copy, { recursive: true });
  const file = readdirSync(copy).filter((n) => n.endsWith('.md')).sort()[5]!;
  // In a session of its own, as the builds it is compared with are (run-cli.ts).
  const child = spawn(process.execPath, [...NODE_FLAGS, ...OWN_SESSION_FLAGS, bin, 'watch', copy, '--out', join(copy, '..', 'out')], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  const rebuilt = async (count: number): Promise<number> => {
    for (let waited = 0; waited < 120_000; waited += 20) {
      const done = lines.filter((l) => /^已更新 rebuilt in \d+ ms/.test(l));
      if (done.length >= count) return Number(/in (\d+) ms/.exec(done[count - 1]!)![1]);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`watch did not rebuild:\n${lines.slice(-10).join('\n')}`);
  };
  const edit = (words: string) => {
    const text = readFileSync(join(copy, file), 'utf8');
    const at = text.indexOf('。', text.length >> 1);
    writeFileSync(join(copy, file), `${text.slice(0, at)}，${words}${text.slice(at)}`);
  };
  try {
    await rebuilt(1);
    edit('又添一句');
    const newCharacter = await rebuilt(2);
    const known: number[] = [];
    for (const [k, words] of ['又说一句', '再说一句', '还说一句', '另说一句', '又说两句'].entries()) {
      edit(words);
      known.push(await rebuilt(3 + k));
    }
    return { file, newCharacter, known, reuse: lines.filter((l) => l.startsWith('解析')).at(-1) ?? '' };
  } finally {
    // The watch ends before anything else is timed: a lingering process would share the cores.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  }
}
