/**
 * The front of the seed: the committee lists (into book.yaml), the 编辑说明,
 * and the colour photo pages (彩页) as galleries.
 */
import { BlockBuilder, type Block, CREDIT_LINE, readCaption } from './blocks.ts';
import { cleanParagraph, fixOcr, stripMarkup } from './clean-text.ts';
import { splitNames, type SeedLine } from './read-part.ts';

export interface RoleNames {
  role: string;
  names: string[];
  note?: string;
}

/** "副主任:姚 莉 孟冬梅 李 东" → {role: 副主任, names: [姚莉, 孟冬梅, 李东]}. */
export function readRoleLine(line: string): RoleNames | null {
  const m = /^([^:：]{1,8})\s*[:：]\s*(.*)$/.exec(line.trim());
  if (!m) return null;
  const role = m[1]!.replace(/\s/g, '');
  let rest = m[2]!.trim();
  const note = /^[(（]([^)）]+)[)）]\s*/.exec(rest);
  if (note) rest = rest.slice(note[0].length);
  return { role, names: splitNames(rest), ...(note ? { note: note[1]! } : {}) };
}

/**
 * Runs of the 委员 grid that the extraction scrambled, rebuilt by the list's
 * own order (按姓氏笔画为序): surnames 丁2 于3 马3 王4 牛4 车4 …, and the
 * 张 names by the strokes of their second character (伟6 彤7 炜8 振10 浩10
 * 静14 鑫24). Names rebuilt so are listed in book.yaml to be checked.
 */
export const SCRAMBLED_RUNS: ReadonlyArray<readonly [string, string]> = [
  ['王少华 王丽颖 卓 于学斌 马骁骑 丁 倩 王 王绍海 牛 王 艳 王哲 王超群 王 博 车 林 琳',
    '丁倩 于学斌 马骁骑 王卓 王少华 王丽颖 王艳 王绍海 王哲 王超群 王博 牛林 车琳'],
  ['张 张振江 张浩洋 张 张鑫磊 彤 张 炜 静', '张彤 张炜 张振江 张浩洋 张静 张鑫磊'],
  ['侯守斌 洪 施明君 韵', '侯守斌 洪韵 施明君'],
];
export const REBUILT_NAMES = ['王卓', '牛林', '车琳', '张彤', '张炜', '张静', '洪韵'];

function unscramble(line: string): string {
  return SCRAMBLED_RUNS.reduce((text, [from, to]) => text.split(from).join(to), line.replace(/\s+/g, ' '));
}

export interface Committee {
  title: string;
  roles: RoleNames[];
}

/**
 * Lines 31–59: the 领导小组 and the 编辑部. The 委员 grid was extracted
 * column by column, so its two-character names (printed 丁　倩) come apart;
 * splitNames pairs adjacent single characters again, which the stroke order
 * of the list cannot confirm everywhere (noted in book.yaml).
 */
export function readCommittees(lines: SeedLine[]): Committee[] {
  const out: Committee[] = [];
  let current: Committee | null = null;
  for (const { text } of lines) {
    if (/^《.*》/.test(text)) {
      current = { title: cleanParagraph(text).replace(/\s+/g, ''), roles: [] };
      out.push(current);
      continue;
    }
    const role = readRoleLine(text);
    if (role && current) current.roles.push(role);
    else if (current?.roles.length) current.roles.at(-1)!.names.push(...splitNames(unscramble(text)));
  }
  return out;
}

export function readEditorialNotes(lines: SeedLine[]): Block[] {
  return lines.map((l) => ({ t: 'p', raw: cleanParagraph(l.text.replace(/^-\s+/, '')) }) as Block);
}

/**
 * The 彩页 groups. The group title stands once on a page of its group in the
 * print (the extraction puts it among the captions), so each group runs from
 * one seed line to the next; 社会事业 spans two pages and is one group.
 */
export const GALLERY_GROUPS = [
  { title: '主题教育', from: 94, to: 156 },
  { title: '城市建设', from: 157, to: 233 },
  { title: '社会事业', from: 234, to: 298 },
  { title: '河西风采', from: 299, to: 364 },
] as const;

const GROUP_TITLES = new Set<string>(GALLERY_GROUPS.map((g) => g.title));

export interface Gallery {
  title: string;
  figures: Array<{ caption: string; credit: string; line: number }>;
}

export function readGalleries(lines: SeedLine[]): Gallery[] {
  return GALLERY_GROUPS.map((g) => {
    const inGroup = lines
      .filter((l) => l.n >= g.from && l.n <= g.to)
      .map((l) => ({ n: l.n, text: fixOcr(stripMarkup(l.text)).trim() }))
      .filter((l) => l.text !== '' && !GROUP_TITLES.has(l.text));
    const b = new BlockBuilder();
    for (let i = 0; i < inGroup.length; i++) {
      const line = inGroup[i]!;
      const next = inGroup[i + 1];
      const cap = readCaption(line.text, next?.text);
      if (cap === 'needs-credit') {
        b.figure(line.text, CREDIT_LINE.exec(next!.text)![1]!.trim(), line.n);
        i++;
      } else if (cap) b.figure(cap.caption, cap.credit, line.n);
      else throw new Error(`gallery line ${line.n} is not a caption: ${line.text}`);
    }
    b.closeParagraph();
    const figures = b.blocks.flatMap((x) =>
      x.t === 'fig' ? [{ caption: cleanParagraph(x.caption), credit: cleanParagraph(x.credit), line: x.line }] : [],
    );
    return { title: g.title, figures };
  });
}
