/**
 * fonts/fonts.yaml: which font file serves each role (body 宋, heading 黑,
 * caption 楷) in each weight, and the fallback list. Paths are left as
 * written; io resolves them (npm: packages or files in fonts/).
 */
import { z } from 'zod';
import type { VFile } from '../diagnostics/index.ts';
import { loadYamlWithSchema } from './yaml-schema.ts';

const fontFile = z.string().trim().min(1).describe('字体文件：npm:包/路径 或 fonts/ 下的文件名');
const role = z.strictObject({ family: z.string().min(1), regular: fontFile, bold: fontFile.optional() });

export const FontConfigSchema = z.strictObject({
  roles: z.strictObject({ body: role, heading: role, caption: role }),
  fallback: z.array(fontFile).default([]),
});

export type FontConfig = z.infer<typeof FontConfigSchema>;
export type FontRole = keyof FontConfig['roles'];
export const FONT_ROLES: readonly FontRole[] = ['body', 'heading', 'caption'];

/** Parses fonts.yaml; undefined (with messages on `file`) when it cannot be used. */
export function loadFontConfig(file: VFile): FontConfig | undefined {
  return loadYamlWithSchema(file, FontConfigSchema)?.data;
}
