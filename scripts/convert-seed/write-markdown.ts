/**
 * Writes blocks as nianjian manuscript Markdown (docs/manuscript-format.md).
 */
import type { Block } from './blocks.ts';
import { cleanParagraph } from './clean-text.ts';

/** Escapes what Markdown would read as syntax in running Chinese text. */
export function escapeText(text: string): string {
  return text
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([#+\-=>|])/, '\\$1');
}

function escapeAttr(text: string): string {
  return text.replace(/"/g, '&quot;');
}

export interface PhotoNamer {
  next(): string;
}

export function photoNamer(prefix: string): PhotoNamer {
  let n = 0;
  return { next: () => `photos/${prefix}-${String(++n).padStart(3, '0')}.jpg` };
}

export interface WrittenFigure {
  src: string;
  seedLine: number;
}

function creditText(raw: string): string {
  return raw.split(/\s+/).map((p) => cleanParagraph(p)).join('\u3000');
}

export function figureMarkdown(caption: string, credit: string, src: string): string {
  const alt = escapeText(caption).replace(/\n/g, ' ');
  return `![${alt}](${src} "${escapeAttr(credit)}")`;
}

function tableMarkdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  const align = header.map((h) => (/数|编码|电话|序号/.test(h) ? '---:' : '---'));
  return [line(header), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}

function blockMarkdown(b: Block, photos: PhotoNamer, figures: WrittenFigure[]): string {
  switch (b.t) {
    case 'h': return `${'#'.repeat(b.level)} ${b.text}`;
    case 'p': return escapeText(b.raw);
    case 'fig': {
      const src = photos.next();
      figures.push({ src, seedLine: b.line });
      return figureMarkdown(b.caption, b.credit, src);
    }
    case 'credit': return `（${creditText(b.text)}）`;
    case 'byline':
      return b.office ? `::byline[${b.name}]{office="${escapeAttr(b.office)}"}` : `::byline[${b.name}]`;
    case 'subtitle': return `::subtitle[${escapeText(b.text)}]`;
    case 'dateline': return `::dateline[${escapeText(b.text)}]`;
    case 'names': return `:::names\n${b.names.join(' ')}\n:::`;
    case 'table': return tableMarkdown(b.header, b.rows);
    case 'md': return b.text;
  }
}

/** A whole part file: front matter with its kind, then `# title`, then the blocks. */
export function partMarkdown(title: string, kind: string, blocks: Block[], photos: PhotoNamer, figures: WrittenFigure[]): string {
  const front = kind === 'general' ? '' : `---\nkind: ${kind}\n---\n\n`;
  const body = blocks.map((b) => blockMarkdown(b, photos, figures)).join('\n\n');
  return `${front}# ${title}\n\n${body}\n`;
}
