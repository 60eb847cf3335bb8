/**
 * Converts ../shared/seed/hexi-yearbook-2024.txt (text extracted from the
 * print PDF of 《天津市河西年鉴(2024)》) into the nianjian manuscript in
 * manuscript/. Re-runnable: it rewrites the Markdown and book.yaml, and
 * lists every photo it references in manuscript/photos/placeholders.json for
 * scripts/make-placeholder-photos.ts. After conversion the committed
 * manuscript is the source of truth; this script documents how it was made.
 *
 *   npm run convert-seed [-- path/to/seed.txt]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { cleanBlocks } from './blocks.ts';
import { readCommittees, readEditorialNotes, readGalleries, REBUILT_NAMES } from './front.ts';
import { PARTS } from './parts.ts';
import { readPart, type SeedLine } from './read-part.ts';
import { escapeText, figureMarkdown, partMarkdown, photoNamer, type WrittenFigure } from './write-markdown.ts';

const RUNNING_HEAD = '天津市河西年鉴 2024';
const SEED = process.argv[2] ?? join(import.meta.dirname, '../../../shared/seed/hexi-yearbook-2024.txt');
const OUT = join(import.meta.dirname, '../../manuscript');

/** Regions of the seed by line number (1-based, inclusive). */
const REGION = {
  committees: [60, 80],
  editorialNotes: [82, 92],
  galleries: [94, 364],
  /** 365–955 is the printed TOC and 6977–end the printed index: generated, not content. */
  body: [956, 6976],
} as const;

function seedLines(): SeedLine[] {
  return readFileSync(SEED, 'utf8').split('\n').map((text, i) => ({ n: i + 1, text }));
}

function region(lines: SeedLine[], [from, to]: readonly [number, number]): SeedLine[] {
  return lines.filter((l) => l.n >= from && l.n <= to && l.text.trim() !== '');
}

/** Splits the body at the running head that the extraction kept before each part opener. */
function splitParts(body: SeedLine[]): SeedLine[][] {
  const parts: SeedLine[][] = [];
  for (const line of body) {
    if (line.text.trim() === RUNNING_HEAD) parts.push([]);
    else parts.at(-1)?.push(line);
  }
  return parts.filter((p) => p.length > 0);
}

function write(rel: string, text: string): void {
  const path = join(OUT, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

function writeFront(lines: SeedLine[], figures: WrittenFigure[]): ReturnType<typeof readCommittees> {
  const notes = readEditorialNotes(region(lines, REGION.editorialNotes));
  write('front/01-编辑说明.md', `# 编辑说明\n\n${notes.map((b) => (b.t === 'p' ? escapeText(b.raw) : '')).join('\n\n')}\n`);
  const galleries = readGalleries(region(lines, REGION.galleries));
  const sections = galleries.map((g, gi) => {
    const photos = photoNamer(`g${gi + 1}`);
    const figs = g.figures.map((f) => {
      const src = photos.next();
      figures.push({ src, seedLine: f.line });
      return figureMarkdown(f.caption, f.credit, src);
    });
    return `:::gallery{title="${g.title}"}\n\n${figs.join('\n\n')}\n\n:::`;
  });
  write('front/02-彩页.md', `---\nkind: galleries\n---\n\n# 彩页\n\n${sections.join('\n\n')}\n`);
  return readCommittees(region(lines, REGION.committees));
}

function main(): void {
  const lines = seedLines();
  // Replace the Markdown and book.yaml; photos (placeholders or real ones) stay.
  rmSync(join(OUT, 'front'), { recursive: true, force: true });
  for (const name of readdirSync(OUT, { withFileTypes: true })) {
    if (name.isFile() && /\.(md|yaml)$/.test(name.name)) rmSync(join(OUT, name.name));
  }
  const figures: WrittenFigure[] = [];
  const committees = writeFront(lines, figures);
  const parts = splitParts(region(lines, REGION.body));
  if (parts.length !== PARTS.length) throw new Error(`expected ${PARTS.length} parts, found ${parts.length}`);
  let entries = 0;
  PARTS.forEach((spec, i) => {
    const blocks = cleanBlocks(readPart(parts[i]!, spec));
    const photos = photoNamer(`p${String(i + 1).padStart(2, '0')}`);
    const md = partMarkdown(spec.title, spec.kind, blocks, photos, figures);
    entries += (md.match(/^【/gm) ?? []).length;
    write(spec.file, md);
  });
  write('book.yaml', bookYaml(committees));
  write('photos/placeholders.json', `${JSON.stringify(figures.map((f) => f.src), null, 1)}\n`);
  console.log(`parts ${PARTS.length}, entries ${entries}, figures ${figures.length}`);
}

function bookYaml(committees: ReturnType<typeof readCommittees>): string {
  const [leading, office] = committees;
  const template = readFileSync(join(import.meta.dirname, 'book.template.yaml'), 'utf8');
  const lists = {
    committee: { title: leading!.title, members: leading!.roles },
    editorial_office: { title: office!.title, members: office!.roles },
  };
  const note =
    '\n# 领导小组与编辑部名单。委员名单在提取文本中按栏错位，两字姓名（印作“丁　倩”）被拆开；\n' +
    `# 已按“姓氏笔画为序”重新拼合。其中 ${REBUILT_NAMES.join('、')} 系据笔画顺序推定，须对照原书核校。\n`;
  return template + note + YAML.stringify(lists, { lineWidth: 0 });
}

main();
