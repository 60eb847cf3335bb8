/**
 * The 23 content parts (篇) of the seed in print order (编辑说明 五), the file
 * each becomes, and how its body is read. The 24th, 索引, is generated.
 */
export type PartKind = 'general' | 'articles' | 'chronicle' | 'people' | 'statistics' | 'appendix';

export interface PartSpec {
  file: string;
  title: string;
  kind: PartKind;
  /** Chapter (##) headings that the default rule misses. */
  sections?: readonly string[];
  /** A chapter heading the extraction lost before the part's first entries (restored from the seed's TOC). */
  openingChapter?: string;
  /** Lines that look like headings but are text. */
  notHeadings?: readonly string[];
  /** Headings one level below a chapter (###), e.g. companies under 重点企业. */
  subsections?: readonly string[];
}

export const PARTS: readonly PartSpec[] = [
  { file: '01-特载.md', title: '特载', kind: 'articles' },
  { file: '02-专文.md', title: '专文', kind: 'articles' },
  { file: '03-大事记.md', title: '2023年大事记', kind: 'chronicle' },
  { file: '04-区情概览.md', title: '区情概览', kind: 'general' },
  {
    file: '05-中共河西区委.md',
    title: '中国共产党天津市河西区委员会',
    kind: 'general',
    notHeadings: ['张士红'],
  },
  {
    file: '06-区人大.md',
    title: '河西区人民代表大会',
    kind: 'general',
    subsections: ['主要工作与活动'],
  },
  // 信访工作 is followed by a fragment the extraction moved up from the page below.
  { file: '07-区政府.md', title: '河西区人民政府', kind: 'general', sections: ['信访工作'] },
  { file: '08-区政协.md', title: '中国人民政治协商会议天津市河西区委员会', kind: 'general' },
  // The seed's TOC: 综　述 132, then 概况 132; the body lost the heading.
  { file: '09-纪委监委.md', title: '中共河西区纪律检查委员会\u3000河西区监察委员会', kind: 'general', openingChapter: '综述' },
  { file: '10-民主党派工商联.md', title: '民主党派\u3000工商联', kind: 'general' },
  { file: '11-群众团体.md', title: '群众团体', kind: 'general' },
  { file: '12-法治.md', title: '法治', kind: 'general' },
  { file: '13-军事.md', title: '军事', kind: 'general' },
  {
    file: '14-区域经济.md',
    title: '区域经济',
    kind: 'general',
    subsections: ['天津市河西区国有资产经营投资有限责任公司', '天津市桂发祥麻花饮食集团有限公司'],
  },
  { file: '15-经济管理.md', title: '经济管理', kind: 'general' },
  { file: '16-财政税务.md', title: '财政·税务', kind: 'general' },
  {
    file: '17-城市建设与管理.md',
    title: '城市建设与管理',
    kind: 'general',
    subsections: ['天津市西京建设开发有限公司'],
  },
  { file: '18-社会事业.md', title: '社会事业', kind: 'general' },
  { file: '19-社会生活.md', title: '社会生活', kind: 'general' },
  {
    file: '20-街道和社区建设.md',
    title: '街道和社区建设',
    kind: 'general',
    notHeadings: ['展挂甲寺街传统文化项目"点戏进家园 送戏进小'],
    subsections: [
      '福建路社区', '东莱里社区', '新闻里社区', '宾水西里社区', '谊景村社区', '儒林园社区', '光华里社区',
      '龙天园社区', '古海里社区', '广顺园社区', '港云里社区', '溪水园社区', '秀江园社区', '微山里社区',
    ],
  },
  { file: '21-人物荣誉.md', title: '人物·荣誉', kind: 'people' },
  { file: '22-统计资料.md', title: '统计资料', kind: 'statistics' },
  { file: '23-附录.md', title: '附录', kind: 'appendix' },
];

/**
 * Chapter headings as the seed has them → as printed: a space that is part
 * of the name (two bodies in one chapter), and 检 whose 察 the extraction
 * lost (the seed's TOC: 检　察 172).
 */
export const HEADING_FIXES: Record<string, string> = {
  '共青团河西区委员会 河西区青年联合会': '共青团河西区委员会\u3000河西区青年联合会',
  检: '检察',
};

/** The 特载 and 专文 articles: title, subtitle, dateline and byline as printed. */
export interface ArticleSpec {
  /** The seed's title line with all spaces removed. */
  seedTitle: string;
  title: string;
  subtitle?: string;
  dateline?: string;
  office?: string;
  name: string;
  /** Seed lines (spaces removed) that make up the header and are not body text. */
  headerLines: readonly string[];
}

export const ARTICLES: readonly ArticleSpec[] = [
  {
    seedTitle: '在区委十二届八次全会暨经济工作会议上的讲话(节选)',
    title: '在区委十二届八次全会暨经济工作会议上的讲话（节选）',
    office: '中共河西区委书记',
    name: '李学义',
    headerLines: ['中共河西区委书记李学义'],
  },
  {
    seedTitle: '天津市河西区人民代表大会常务委员会工作报告',
    title: '天津市河西区人民代表大会常务委员会工作报告',
    subtitle: '——2024年1月17日在河西区第十八届人民代表大会第四次会议上',
    office: '河西区人民代表大会常务委员会主任',
    name: '杨文璁',
    headerLines: ['——2024年1月17日在河西区第十八届人民代表大会第四次会议上', '河西区人民代表大会常务委员会主任杨文璁'],
  },
  {
    seedTitle: '天津市河西区人民政府工作报告',
    title: '天津市河西区人民政府工作报告',
    subtitle: '——2024年1月17日在河西区第十八届人民代表大会第四次会议上',
    office: '河西区人民政府代区长',
    name: '穆生军',
    headerLines: ['——2024年1月17日在河西区第十八届人民代表大会第四次会议上河西区人民政府代区长穆生军'],
  },
  {
    seedTitle: '中国人民政治协商会议天津市河西区第十五届委员会常务委员会工作报告',
    title: '中国人民政治协商会议天津市河西区第十五届委员会常务委员会工作报告',
    subtitle: '——在政协河西区第十五届委员会第三次会议上',
    dateline: '2024年1月16日',
    name: '王润生',
    headerLines: ['——在政协河西区第十五届委员会第三次会议上', '(2024年1月16日)', '王润生'],
  },
  {
    seedTitle: '体系培育链条培养全力锻造高素质优秀年轻干部队伍',
    title: '体系培育\u3000链条培养\u3000全力锻造高素质优秀年轻干部队伍',
    office: '河西区委常委、区委组织部部长、区级机关工委书记',
    name: '李洪喜',
    headerLines: ['河西区委常委、区委组织部部长、区级机关工委书记李洪喜'],
  },
  {
    seedTitle: '以"三个向前"推动统一战线主动融进高质量发展主战场',
    title: '以“三个向前”推动统一战线主动融进高质量发展主战场',
    office: '河西区委常委、区委统战部部长、常务副区长',
    name: '崔振平',
    headerLines: ['河西区委常委、区委统战部部长、常务副区长崔振平'],
  },
];

/**
 * Fragments the extraction moved away from their paragraph, with the end of
 * the paragraph they continue: 【文稿起草】 ends "……各类文稿900余" in the seed,
 * and "篇、500余万字。" stands alone two lines below, after the next heading.
 */
export const MOVED_FRAGMENTS: Record<string, string> = { '篇、500余万字。': '各类文稿900余' };
