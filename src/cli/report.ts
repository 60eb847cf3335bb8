/**
 * How the diagnostics reach the terminal or another program: one line per
 * message (`file:line:col: error|warning: … [rule]`, src/diagnostics),
 * coloured only on a terminal that wants colour; or `--format json`, one
 * object per message for CI and editors.
 */
import { messagesInOrder, type VFile } from '../diagnostics/index.ts';

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  /** What is wrong. */
  message: string;
  /** What to do about it ('' when the message says it all). */
  hint: string;
}

/**
 * The catalogue's reasons say what is wrong, then what to do ("…。请…",
 * "…。可…"): split at the first sentence that advises.
 */
export function splitReason(reason: string): { message: string; hint: string } {
  const at = reason.search(/(?<=[。；])(?=请|可|如需|或)/);
  return at < 0 ? { message: reason, hint: '' } : { message: reason.slice(0, at), hint: reason.slice(at) };
}

/** Every message of `files` as an object, in the order of the text report (by file, then place). */
export function jsonDiagnostics(files: readonly VFile[], includeInfo: boolean): JsonDiagnostic[] {
  return messagesInOrder(files, { includeInfo }).map(({ file, message: m, severity }) => {
    const end = m.place && 'end' in m.place ? m.place.end : undefined;
    return {
      file: file.path, line: m.line ?? 1, column: m.column ?? 1, ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      severity: severity === 'fatal' ? 'error' : severity, ruleId: m.ruleId ?? 'unknown', ...splitReason(m.reason),
    };
  });
}

/**
 * A JSON array with one diagnostic a line. Characters that could steer a
 * terminal (C1 codes, bidirectional overrides) are JSON escapes, so the text
 * is safe to print and still the same when parsed.
 */
export function formatJson(diagnostics: readonly JsonDiagnostic[]): string {
  const escape = (json: string) => json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return diagnostics.length === 0 ? '[]' : `[\n${diagnostics.map((d) => escape(JSON.stringify(d))).join(',\n')}\n]`;
}

/** Colour on an interactive terminal only, never when NO_COLOR is set (https://no-color.org) or TERM is dumb; FORCE_COLOR asks for it. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const SGR = { error: '31', warning: '33', info: '36' } as const;

/** The severity word of each report line in its colour (text already escaped: the only escape codes are these). */
export function colourLines(text: string): string {
  return text.replace(/^(.*?:\d+:\d+: )(error|warning|info)(?=: )/gm, (_, where: string, label: keyof typeof SGR) => `${where}\u001b[1;${SGR[label]}m${label}\u001b[0m`);
}
