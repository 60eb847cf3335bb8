/** The real `nianjian` command (bin/nianjian.js) in a process of its own, for watch and preview: its lines as they come, and its end. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/nianjian.js');

export interface CliProcess {
  child: ChildProcess;
  /** stdout, line by line, as printed so far. */
  lines: string[];
  stderr: () => string;
  /** Exit code (or 128 + signal number), and the milliseconds from `signal()` to the end. */
  exited: Promise<{ code: number; afterSignalMs: number }>;
  signal: (name: NodeJS.Signals) => void;
}

/** Runs `nianjian ...args` on `node` (this test's Node unless told). */
export function startCli(args: string[], node = process.execPath): CliProcess {
  const child = spawn(node, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let rest = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
  let signalled = 0;
  const exited = new Promise<{ code: number; afterSignalMs: number }>((resolve) => {
    child.on('close', (code, signal) => {
      if (rest) lines.push(rest);
      resolve({ code: code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 2), afterSignalMs: signalled ? performance.now() - signalled : 0 });
    });
  });
  return {
    child, lines, exited, stderr: () => err,
    signal(name) {
      signalled ||= performance.now();
      child.kill(name);
    },
  };
}
