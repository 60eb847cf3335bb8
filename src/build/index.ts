/**
 * The pipeline: manuscript files in → book, statistics and diagnostics out.
 * No fs and no clock here; io reads, cli writes. Later stages (compose,
 * layout, render) join this pipeline as they land.
 */
import type { VFile } from '../diagnostics/index.ts';
import { type ManuscriptFiles, parseManuscript, type ParseResult } from '../parse/index.ts';

export interface CheckResult extends ParseResult {
  files: VFile[];
}

/** Parses and validates a manuscript: the `check` command. */
export function checkManuscript(files: ManuscriptFiles, all: VFile[]): CheckResult {
  return { ...parseManuscript(files), files: all };
}
