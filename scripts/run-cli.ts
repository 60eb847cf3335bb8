/**
 * `nianjian build` as installed (bin/nianjian.js, which runs the bundle), in
 * a process of its own: wall time, and the peak RSS of that process as it
 * exits. bench.ts and scale.ts both time builds this way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../bin/nianjian.js');

/** Node's flags as bin/nianjian.js's first line and `npm run build` give them (see there why). */
export const NODE_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=16'];

export interface CliRun {
  status: number;
  stdout: string;
  seconds: number;
  /** CPU time of the child, user + system, all its threads. */
  cpuSeconds: number;
  rssMB: number;
}

/**
 * The child's own peak RSS in KB, as code run inside it. Linux's getrusage
 * maxrss outlives exec: a child forked from a process that holds 500 MB (the
 * bench, by then) reported the parent's size, 476 MB for a build that peaks
 * at 320 MB. VmHWM is the peak of the child's own memory; maxrss elsewhere.
 */
const PEAK_RSS = `import { readFileSync } from 'node:fs';
const peakRss = () => {
  try {
    const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
};
process.on('exit', () => { const c = process.cpuUsage(); console.error('RSS ' + peakRss() + ' CPU ' + (c.user + c.system)); });`;

export function runCliBuild(dir: string, out: string): CliRun {
  return runMeasured(`process.argv = [process.execPath, 'nianjian', 'build', ${JSON.stringify(dir)}, '--out', ${JSON.stringify(out)}]; await import(${JSON.stringify(BIN)});`);
}

/**
 * Linux shares the processors between sessions (autogroups) before it
 * shares them between processes: a run in a session of its own, raised to
 * the highest weight where that is allowed (root), gets the cores however
 * busy other sessions keep the machine. On the shared 2-core machine the
 * same build took 3.7-5.8 s in turns with other sessions' work, and
 * 2.81-3.01 s so. Typst's runs and nianjian's are measured alike.
 */
const SETSID = ['/usr/bin/setsid', '/bin/setsid'].find((path) => existsSync(path));
/** Node's flags that raise a session's weight from inside its first process (a process started detached has a session of its own). */
export const OWN_SESSION_FLAGS = ['--import', `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; try { writeFileSync('/proc/self/autogroup', '-19'); } catch {}")}`];

/** A module's code run in a node of its own with NODE_FLAGS, in a session of its own: its wall time, CPU time and peak RSS. */
export function runMeasured(code: string): CliRun {
  const started = performance.now();
  const node = [process.execPath, ...NODE_FLAGS, ...OWN_SESSION_FLAGS, '--input-type=module', '-e', `${PEAK_RSS}\n${code}`];
  const [command, ...args] = SETSID ? [SETSID, '--wait', ...node] : node;
  const child = spawnSync(command!, args,
    { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', maxBuffer: 1 << 26 });
  return {
    status: child.status ?? 1, stdout: child.stdout, seconds: (performance.now() - started) / 1000,
    cpuSeconds: Number(/CPU (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1e6,
    rssMB: Number(/RSS (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024,
  };
}
