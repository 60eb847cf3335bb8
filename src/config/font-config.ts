/**
 * fonts/fonts.yaml: which font file serves each role (body 宋, heading 黑,
 * caption 楷) in each weight, and the fallback list. Paths are left as
 * written; io resolves them (npm: packages or files in fonts/).
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { report, type VFile } from '../diagnostics/index.ts';

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
  const doc = parseDocument(String(file.value));
  if (doc.errors.length > 0) {
    report(file, undefined, 'yaml-syntax', { reason: doc.errors[0]!.message.split('\n')[0]! });
    return undefined;
  }
  const parsed = FontConfigSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    report(file, undefined, 'config-invalid-value', { key: issue.path.join('.'), found: issue.message, expected: '见 fonts/fonts.yaml 的说明' });
  }
  return undefined;
}
