/**
 * fonts/fonts.yaml: which font file serves each role (body 宋, heading 黑,
 * caption 楷) in each weight, and the fallback list; and a book's own
 * fonts.yaml over it. Paths are left as written; io resolves them (npm:
 * packages, or files relative to the fonts.yaml that names them, or absolute).
 */
import { z } from 'zod';
import type { VFile } from '../diagnostics/index.ts';
import { loadYamlWithSchema } from './yaml-schema.ts';

const fontFile = z.string().trim().min(1).describe('字体文件：npm:包/路径，相对于 fonts.yaml 所在目录的路径，或绝对路径');
const role = z.strictObject({ family: z.string().min(1), regular: fontFile, bold: fontFile.optional() });

export const FontConfigSchema = z.strictObject({
  roles: z.strictObject({ body: role, heading: role, caption: role }),
  fallback: z.array(fontFile).default([]),
});

export type FontConfig = z.infer<typeof FontConfigSchema>;
export type FontRole = keyof FontConfig['roles'];
export const FONT_ROLES: readonly FontRole[] = ['body', 'heading', 'caption'];

/**
 * A book's own fonts.yaml: any role it names replaces the tool's, the
 * fallback list too when given; the rest stays as nianjian's fonts/fonts.yaml
 * has it. A file all commented out (as `nianjian init` writes it) changes nothing.
 */
export const BookFontConfigSchema = z.strictObject({
  roles: z.strictObject({ body: role.optional(), heading: role.optional(), caption: role.optional() }).optional(),
  fallback: z.array(fontFile).optional(),
});

export type BookFontConfig = z.infer<typeof BookFontConfigSchema>;

export function loadBookFontConfig(file: VFile): BookFontConfig | undefined {
  return loadYamlWithSchema(file, BookFontConfigSchema)?.data;
}

/** Parses fonts.yaml; undefined (with messages on `file`) when it cannot be used. */
export function loadFontConfig(file: VFile): FontConfig | undefined {
  return loadYamlWithSchema(file, FontConfigSchema)?.data;
}
