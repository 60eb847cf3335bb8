/**
 * The import report: every place in a submission that needs an editor's
 * eye, by source file and paragraph number (or sheet and cell), in Chinese.
 * Notes are values collected while importing, never thrown.
 */

export type NoteSeverity = 'error' | 'warning' | 'info';

export interface IntakeNote {
  /** The submission's file name as the user gave it. */
  source: string;
  /** 第 12 段, 表 1 第 2 行, Sheet1!B3 — or '' for the file as a whole, or for a line (`line`). */
  place: string;
  /** The line of a text file (a CSV) the note is about: printed file:line, as build's messages are. */
  line?: number;
  severity: NoteSeverity;
  /** A stable kind for tests and tallies, e.g. tracked-change, comment. */
  kind: string;
  message: string;
}

/** Where in a submission: a paragraph or cell as words (第 12 段, Sheet1!B3), or a text file's line. */
export type Place = string | { line: number };

/** Collects the notes of one submission. */
export class NoteList {
  readonly notes: IntakeNote[] = [];
  constructor(readonly source: string) {}

  add(severity: NoteSeverity, kind: string, place: Place, message: string): void {
    this.notes.push({ source: this.source, ...(typeof place === 'string' ? { place } : { place: '', line: place.line }), severity, kind, message });
  }
  error(kind: string, place: Place, message: string): void { this.add('error', kind, place, message); }
  warn(kind: string, place: Place, message: string): void { this.add('warning', kind, place, message); }
  info(kind: string, place: Place, message: string): void { this.add('info', kind, place, message); }
}

/** 第 12 段: a paragraph of a Word file, counted from 1 in document order (table cells included). */
export const paragraphPlace = (n: number | undefined): string => (n === undefined ? '' : `第 ${n} 段`);

const LABEL: Record<NoteSeverity, string> = { error: '错误', warning: '请核对', info: '提示' };

/** One line per note: `文件 第 12 段：请核对：说明 [kind]`, or `文件:2：错误：…` for a line of a CSV. */
export function formatNote(n: IntakeNote): string {
  return `${n.source}${n.line ? `:${n.line}` : ''}${n.place ? ` ${n.place}` : ''}：${LABEL[n.severity]}：${n.message} [${n.kind}]`;
}

/** The report file's text: a heading, the tallies, then every note in source order. */
export function formatReport(notes: IntakeNote[], written: string[]): string {
  const count = (s: NoteSeverity) => notes.filter((n) => n.severity === s).length;
  return [
    '# nianjian 导入报告',
    '',
    `写入文件 ${written.length} 个：`,
    ...written.map((w) => `  ${w}`),
    '',
    `${count('error')} 个错误，${count('warning')} 处请核对，${count('info')} 条提示。`,
    '',
    ...notes.map(formatNote),
    '',
  ].join('\n');
}
