/**
 * What the mdast → model handlers share while reading one manuscript file.
 */
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { VFile } from '../diagnostics/index.ts';
import type { Source } from '../model/index.ts';
import type { Position } from '../units/index.ts';

/**
 * What io found at an image path: the parser itself reads no files. `like`:
 * a file there whose name differs only in case or slashes. `file`: the name
 * as the disk spells it, where the path written differs from it only in
 * Unicode normalisation (macOS writes é as e and U+0301; an editor types
 * é): the same name to the eye, and the photo meant. `not-a-file`: a
 * folder, a FIFO or device, or a broken link (`kind` says which) that has a
 * photo's name.
 */
export type AssetStatus =
  | { status: 'ok'; widthPx: number; heightPx: number; format: string; file?: string }
  | { status: 'missing'; like?: string }
  | { status: 'outside' }
  | { status: 'unreadable'; reason: string }
  | { status: 'not-a-file'; kind: string };

/** Looks up an image path as written in the manuscript (relative to the manuscript folder). */
export type AssetLookup = (src: string) => AssetStatus;

export interface ParseState {
  file: VFile;
  assets: AssetLookup;
  source(node: { position?: Position | undefined }): Source;
  nextId(kind: string): string;
  /** The file's footnote definitions by identifier (`[^1]: …`), those referenced anywhere in it, and those a reference has set. */
  footnotes: Map<string, FootnoteDefinition>;
  referenced: Set<string>;
  usedNotes: Set<string>;
  /** References typed where no note can be set (notes.ts), with the place: each is printed as typed, its note as text. */
  noteless: Map<FootnoteReference, string>;
}

export function createState(file: VFile, assets: AssetLookup, idPrefix: string): ParseState {
  const counters = new Map<string, number>();
  return {
    file,
    assets,
    source: (node) => (node.position ? { path: file.path, position: node.position } : { path: file.path }),
    footnotes: new Map(),
    referenced: new Set(),
    usedNotes: new Set(),
    noteless: new Map(),
    nextId(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${idPrefix}-${kind}${n}`;
    },
  };
}

/** The Markdown source of `node`, as typed. */
export function sourceOf(state: ParseState, node: { position?: Position | undefined }): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return '';
  return String(state.file.value).slice(start.offset, end.offset);
}
