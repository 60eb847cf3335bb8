/**
 * Diagnostics are vfile messages with a place, a catalogued ruleId and a
 * Chinese reason. Bad manuscript input never throws: it becomes a message
 * and the work goes on.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Position, Point } from '../units/index.ts';
import { CATALOGUE, type Params, type RuleId, type Severity } from './catalogue.ts';

export { CATALOGUE, isRuleId, type Params, type RuleId, type Severity } from './catalogue.ts';
export { VFile };
export type { VFileMessage };

export const SOURCE = 'nianjian';

/** Something with a position, like an mdast node. */
export type Place = Position | Point | { position?: Position | undefined } | undefined;

function toPlace(place: Place): Position | Point | undefined {
  if (!place) return undefined;
  if ('position' in place) return place.position;
  return place as Position | Point;
}

/** Adds the catalogued message `ruleId` at `place` to `file`, with the rule's severity. */
export function report(file: VFile, place: Place, ruleId: RuleId, params: Params = {}): VFileMessage {
  const spec = CATALOGUE[ruleId];
  // `printedAt` ("第 159 页左栏"): where a layout finding is on the page, after the text of the rule.
  const reason = params.printedAt ? `${spec.reason(params)}（印在${params.printedAt}）` : spec.reason(params);
  const msg = file.message(reason, { place: toPlace(place), ruleId, source: SOURCE });
  msg.fatal = severityToFatal(spec.severity);
  (msg as VFileMessage & { severity: Severity }).severity = spec.severity;
  return msg;
}

function severityToFatal(severity: Severity): boolean | undefined {
  if (severity === 'info') return undefined;
  return severity !== 'warning';
}

export function severityOf(msg: VFileMessage): Severity {
  const own = (msg as VFileMessage & { severity?: Severity }).severity;
  if (own) return own;
  if (msg.fatal === true) return 'error';
  return msg.fatal === false ? 'warning' : 'info';
}

export interface Counts {
  fatal: number;
  error: number;
  warning: number;
  info: number;
}

export function countMessages(files: readonly VFile[]): Counts {
  const counts: Counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const f of files) for (const m of f.messages) counts[severityOf(m)]++;
  return counts;
}

export function hasErrors(files: readonly VFile[]): boolean {
  const c = countMessages(files);
  return c.fatal + c.error > 0;
}

/**
 * Control characters, C1 codes and bidirectional overrides as visible
 * escapes (\u{1b}), so text from a manuscript (a title, a file name) can
 * never move the cursor, recolour or rewrite the terminal. Newlines and
 * tabs stay unless `oneLine`.
 */
export function escapeTerminal(text: string, oneLine = false): string {
  const unsafe = oneLine ? /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g : /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
  return text.replace(unsafe, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * Every message with its file, sorted by file path and place: by code unit,
 * not by locale (vfile-sort's localeCompare would order a report by the
 * machine's language), so the same manuscript gives the same report.
 */
export function messagesInOrder(files: readonly VFile[], options: { includeInfo?: boolean } = {}): Array<{ file: VFile; message: VFileMessage; severity: Severity }> {
  const list: Array<{ file: VFile; message: VFileMessage; severity: Severity }> = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const msgs = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of msgs) {
      const severity = severityOf(message);
      if (severity !== 'info' || options.includeInfo) list.push({ file, message, severity });
    }
  }
  return list;
}

/** One line per message: `file:line:col: error: reason [rule-id]`, sorted by file and place. */
export function formatMessages(files: readonly VFile[], options: { includeInfo?: boolean } = {}): string {
  return messagesInOrder(files, options).map(({ file, message: m, severity }) => {
    const label = severity === 'fatal' ? 'error' : severity;
    return escapeTerminal(`${file.path}:${m.line ?? 1}:${m.column ?? 1}: ${label}: ${m.reason} [${m.ruleId ?? 'unknown'}]`, true);
  }).join('\n');
}
