/**
 * EPUB Accessibility 1.1 discovery metadata: the schema.org properties
 * (`schema:` is a reserved prefix in EPUB 3) that a bookshop's or a
 * library's catalogue shows before the book is opened, and that readers who
 * use a screen reader or large type look for. Only what this book has is
 * claimed: a page list only when it has one, alternative text only when
 * there are images, and text alone as sufficient only when every photo has a
 * caption to stand for it (an uncaptioned photo's alt text is just 图片).
 */
import { type Book, inlineText, walkBook } from '../../model/index.ts';

export interface AccessFacts {
  images: number;
  /** Figures with no caption: their alt text says only that a photo is there. */
  uncaptioned: number;
  tables: number;
  index: boolean;
  pageList: boolean;
}

export function accessFacts(book: Pick<Book, 'front' | 'parts'>, index: boolean, pageList: boolean): AccessFacts {
  const facts: AccessFacts = { images: 0, uncaptioned: 0, tables: 0, index, pageList };
  walkBook(book, (n) => {
    if (n.type === 'figure') {
      facts.images++;
      if (!inlineText(n.caption).trim()) facts.uncaptioned++;
    } else if (n.type === 'table') facts.tables++;
  });
  return facts;
}

/** The `<meta>` lines of the package document, in a fixed order. */
export function accessibilityMetadata(f: AccessFacts): string[] {
  const features = [
    'structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability',
    ...(f.index ? ['index'] : []),
    ...(f.pageList ? ['pageNavigation', 'pageBreakMarkers'] : []),
    ...(f.images > 0 ? ['alternativeText'] : []),
  ];
  const modes = f.images > 0 ? ['textual', 'visual'] : ['textual'];
  const sufficient = [modes.join(','), ...(f.images > 0 && f.uncaptioned === 0 ? ['textual'] : [])];
  const meta = (property: string, value: string) => `<meta property="schema:${property}">${value}</meta>`;
  return [
    ...modes.map((m) => meta('accessMode', m)),
    ...sufficient.map((m) => meta('accessModeSufficient', m)),
    ...features.map((x) => meta('accessibilityFeature', x)),
    meta('accessibilityHazard', 'none'),
    meta('accessibilitySummary', summary(f)),
  ];
}

/** One paragraph in the book's language, saying what a reader can rely on. */
function summary(f: AccessFacts): string {
  const parts = ['本书为可重排的 EPUB 3，文字可随阅读器放大、换字体，正文依阅读顺序排列，标题分级，目录细至条目'];
  if (f.pageList) parts.push('附有与印本页码一致的页码导航');
  if (f.index) parts.push('主题索引条目均链接到所在页');
  if (f.images > 0) parts.push(f.uncaptioned === 0 ? '每幅照片以其图片说明为替代文本' : `照片以图片说明为替代文本（其中 ${f.uncaptioned} 幅无说明）`);
  if (f.tables > 0) parts.push('统计表有表头');
  return `${parts.join('；')}。`;
}
