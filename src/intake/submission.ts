/** What importing one file gives: manuscript content, the photos it refers to, and the notes for the report. */
import type { RootContent } from 'mdast';
import type { IntakeNote } from './notes.ts';

export interface Submission {
  /** The file name as the user gave it. */
  source: string;
  /** The submission's own part title (a Word file's one top heading); undefined when it has none. */
  partTitle: string | undefined;
  content: RootContent[];
  /** Files for photos/, by name. */
  photos: { name: string; bytes: Uint8Array }[];
  notes: IntakeNote[];
}
