/**
 * Page templates (templates/*.yaml): every measure of the page as data an
 * editor can copy and change, validated with errors that name the key.
 */
import { z } from 'zod';
import { report, type VFile } from '../diagnostics/index.ts';
import { templateProblems } from './template-sanity.ts';
import { loadYamlWithSchema } from './yaml-schema.ts';

const mm = z.number().positive().describe('毫米数（正数）');
const pt = z.number().positive().describe('点数（正数）');
const lines = z.number().int().positive().describe('行数（正整数）');
const heading = z.strictObject({ size_pt: pt, lines });

export const TemplateSchema = z.strictObject({
  page: z.strictObject({ width_mm: mm, height_mm: mm, top_mm: mm, inside_mm: mm }),
  body: z.strictObject({
    size_pt: pt, line_pitch_pt: pt, lines, columns: z.number().int().min(1).max(3), column_em: z.number().int().positive(),
    gutter_em: z.number().positive(),
  }),
  running_head: z.strictObject({ size_pt: pt, baseline_above_mm: mm, rule_above_mm: mm, rule_width_pt: pt }),
  folio: z.strictObject({ size_pt: pt, baseline_below_mm: mm }),
  headings: z.strictObject({
    part: z.strictObject({ size_pt: pt, top_mm: mm }),
    chapter: heading,
    section: heading,
    subsection: heading,
    keep_lines_after: z.number().int().min(0),
  }),
  article: z.strictObject({ title_size_pt: pt, title_lines: lines, byline_size_pt: pt }),
  caption: z.strictObject({ size_pt: pt, credit_size_pt: pt, gap_lines: z.number().int().min(0) }),
  table: z.strictObject({ size_pt: pt, rule_width_pt: pt, cell_padding_pt: z.number().min(0) }),
  toc: z.strictObject({ size_pt: pt, line_pitch_pt: pt, part_size_pt: pt }),
  gallery: z.strictObject({ per_page: z.number().int().min(2).max(6), title_size_pt: pt }),
  index: z.strictObject({
    include_headings: z.boolean().describe('true：章、分目标题也进索引；false：只收条目与标引词'),
  }).default({ include_headings: false }),
});

/** 版式: the validated page template. */
export type Template = z.infer<typeof TemplateSchema>;

/** Parses a template file; undefined (with messages naming the keys) when it cannot be used. */
export function loadTemplate(file: VFile): Template | undefined {
  const loaded = loadYamlWithSchema(file, TemplateSchema);
  if (!loaded) return undefined;
  const problems = templateProblems(loaded.data);
  for (const p of problems) report(file, loaded.read.placeOf(p.path), 'template-unusable', { file: loaded.read.label, reason: p.reason });
  return problems.length === 0 ? loaded.data : undefined;
}
