/**
 * Every diagnostic nianjian can report: a stable ruleId, its severity, and
 * the Chinese reason shown to editors — what is wrong, then what to do.
 */

export type Severity = 'fatal' | 'error' | 'warning' | 'info';

export type Params = Record<string, string | number>;

export interface RuleSpec {
  severity: Severity;
  reason: (p: Params) => string;
}

const rule = (severity: Severity, reason: (p: Params) => string): RuleSpec => ({ severity, reason });

export const CATALOGUE = {
  // Manuscript folder and files
  'manuscript-missing': rule('fatal', (p) => `找不到书稿目录：${p.path}。请检查路径（默认为 manuscript/）。`),
  'manuscript-empty': rule('error', () => '书稿目录中没有篇目文件（*.md）。请按“01-篇名.md”的形式为每一篇建立一个 Markdown 文件。'),
  'book-yaml-missing': rule('error', () => '缺少 book.yaml。请在书稿目录中建立 book.yaml，写明书名、年份、编者、出版者等书目数据。'),
  'file-not-utf8': rule('error', (p) => `文件不是 UTF-8 编码${p.guess ? `（看来是 ${p.guess}）` : ''}。请在编辑器中以 UTF-8 另存此文件。`),
  'folder-unreadable': rule('error', (p) => `无法读取目录 ${p.path}（${p.reason}），其中的文件都未读取。请检查目录权限。`),
  'file-not-read': rule('warning', (p) => `书稿目录中的 ${p.names} 不是 .md 文件，未排入书中。正文各篇须为“序号-篇名.md”；Word 与表格文件请用 nianjian import 导入。`),
  'folder-not-read': rule('warning', (p) => `子目录“${p.name}”中的文件未排入书中：各篇须直接放在书稿目录下（卷首内容放在 front/ 中）。请把要排入的篇移出该目录。`),
  'file-unreadable': rule('error', (p) => `无法读取文件：${p.reason}。请检查文件权限。`),
  'file-not-regular': rule('error', (p) => `这不是普通文件，而是${p.kind}，未读取。请删去它，或换成普通的文本文件。`),
  'file-too-large': rule('error', (p) => `文件有 ${p.size} MB，超过书稿文件的上限 ${p.limit} MB，未读取。请检查是否误放了其他文件，或把它拆成几篇。`),
  'file-outside-manuscript': rule('error', (p) => `这是指向书稿目录之外（${p.target}）的链接，未读取。请把文件复制到书稿目录中。`),
  'template-name-invalid': rule('error', (p) => `版式名“${p.name}”无效：只能是 templates/ 下的文件名，不能含有路径。请写成如 template: yearbook-16k。`),
  // book.yaml
  // book.yaml, fonts.yaml, templates and front matter: `file` names the file (book.yaml when not given)
  'yaml-syntax': rule('error', (p) => `${p.file ?? 'book.yaml'} 语法错误：${p.reason}。请检查缩进与冒号。`),
  'yaml-duplicate-key': rule('error', (p) => `${p.file ?? 'book.yaml'} 中键“${p.key}”重复出现。请删去多余的一处，只保留一个。`),
  'yaml-alias-excessive': rule('error', (p) => `${p.file ?? 'book.yaml'} 中别名（*引用）展开过多（超过 ${p.limit} 处），疑为“别名炸弹”。请把 &锚点/*别名 改为直接写出的值。`),
  'config-unknown-key': rule('error', (p) => `${p.file ?? 'book.yaml'} 中有未知的键“${p.key}”。请检查拼写${p.suggest ? `，是否应为“${p.suggest}”` : ''}。`),
  'config-missing-key': rule('error', (p) => `${p.file ?? 'book.yaml'} 缺少必填项“${p.key}”（${p.expected}）。请补上。`),
  'config-invalid-value': rule('error', (p) => `${p.file ?? 'book.yaml'} 中“${p.key}”的值不对：现为 ${p.found}，应为${p.expected}。`),
  'template-unusable': rule('error', (p) => `版式 ${p.file} 排不出书：${p.reason}。请改回合理的数值（可参照 templates/yearbook-16k.yaml）。`),
  'build-date-invalid': rule('error', (p) => `生成日期 ${p.value} 不可用：${p.reason}。请写成 1980-01-01 至 2107-12-31 之间的真实日期。`),
  'isbn-invalid': rule('error', (p) => `ISBN“${p.isbn}”无效：${p.reason}。请对照出版社提供的书号核对。`),
  'cip-record-invalid': rule('error', (p) => `CIP 数据核字号“${p.value}”格式不对，应为 4 位年份加 6 位数字或大写字母（如 2024D0350H）。`),
  // Structure
  'heading-level-skipped': rule('error', (p) => `标题层级跳级：${p.found} 级标题前没有 ${p.expected} 级标题。请用 # 篇、## 章、### 分目的层级。`),
  'heading-too-deep': rule('error', (p) => `不支持 ${p.found} 级标题：年鉴的标题最多 4 级（# 篇、## 章、### 分目、#### 小标题）。请改为 #### 标题，或写成【】条目。`),
  'part-heading-missing': rule('error', () => '篇目文件应以一级标题“# 篇名”开头。请在文件开头加上篇名。'),
  'part-heading-extra': rule('error', (p) => `一个文件只能有一个一级标题（篇），这里又出现了“${p.title}”。请把新的一篇放到单独的文件中。`),
  'part-empty': rule('error', (p) => `篇“${p.title}”没有内容。请补写内容或删去此文件。`),
  'entry-outside-chapter': rule('error', (p) => `条目【${p.title}】不在任何章之下。请在它前面加上章标题（## 章名）。`),
  'entry-title-empty': rule('error', () => '条目标题为空：【】。请写上条目标题。'),
  'entry-title-duplicate': rule('warning', (p) => `同一章中条目标题【${p.title}】重复（首次出现在第 ${p.line} 行）。请确认是否重复录入。`),
  'html-too-deep': rule('error', (p) => `这段 HTML 的标签嵌套达 ${p.depth} 层，超过上限 ${p.limit} 层，未能排入。请删去多余的 <div> 等标签，或把内容改写为 Markdown。`),
  'nesting-too-deep': rule('error', (p) => `此处列表或引文嵌套达 ${p.depth} 层，超过上限 ${p.limit} 层，此文件未排入。请检查是否误输了大量“>”“-”或缩进。`),
  'heading-empty': rule('error', (p) => `标题为空：这一行只有“${p.level}”，没有标题文字。请写上标题，或删去这一行。`),
  'heading-too-long': rule('error', (p) => `标题长达 ${p.length} 字，超过上限 ${p.limit} 字。请确认是否把正文误写成了标题（行首的 #）。`),
  'part-kind-unknown': rule('error', (p) => `未知的篇类型 kind: ${p.kind}。可用：${p.expected}。`),
  // Directives and inline content
  'directive-unknown': rule('error', (p) => `未知的指令 ${p.name}。可用的指令：${p.expected}。`),
  'directive-misplaced': rule('error', (p) => `${p.name} 不能用在这里：${p.where}。`),
  'directive-not-alone': rule('error', (p) => `${p.name} 须单独占一行，同一行不能再有别的文字（例如行末的句号），否则整行照原样印出。请把其后的文字移到下一段。`),
  'directive-attribute-unknown': rule('error', (p) => `${p.name} 没有属性“${p.attribute}”${p.suggest ? `，是否应为“${p.suggest}”` : ''}。可用的属性：${p.expected}。`),
  'directive-unclosed': rule('error', (p) => `${p.name} 没有结束行“:::”，其后的内容都被并入了它。请在${p.what}之后单独一行写上 :::。`),
  'code-fence-unclosed': rule('error', () => '代码块的开头“```”没有对应的结尾“```”，此后全文都会被当作代码。请删去这一行的 ```，或在代码块末尾补上 ```。'),
  'code-as-text': rule('warning', () => '书稿中的代码块（``` 或 ~~~ 围起的文字）已按正文段落排出。年鉴不排代码；如无必要，请删去 ``` 行。'),
  'run-in-markup': rule('info', () => '段首的【条目标题】或大事记日期加了粗体、斜体标记或在中间换了行，已去掉标记、接上，按条目（日期）排出：条目标题与日期本就排粗体，不换行。'),
  'indented-as-text': rule('info', () => '这段文字行首有缩进（制表符或 4 个空格，常见于从 Word 粘贴），已按普通段落排出。'),
  'footnote-in-front': rule('warning', () => '卷首页（编辑说明等）中的页下注不排出：注号与注文都不印。请把注文写进这段正文，或把这段移到正文的篇目文件中。'),
  'footnote-numbers-unsettled': rule('warning', () => '页下注按页编号（footnotes.numbering: page），排版 4 次后注号仍在变：注号使某行移到下一页又移回。此注及其后的注号可能不从本页的第 1 号起。请改写此处附近的文字，或在版式中改用 numbering: article。'),
  'name-too-wide': rule('error', (p) => `名单中的“${p.name}”排成一行长过栏宽，排不下，超出的字会印到栏外。名单中的姓名须以空格、全角空格、顿号或逗号分开；如是一段文字，请写成段落。`),
  'name-split': rule('warning', (p) => `名单中“${p.name}”只有一个字，可能是一个姓名被空格拆开（“${p.before} ${p.name}”）。已照录入排出；如是同一人，请删去姓名中的空格。`),
  'footnote-undefined': rule('warning', (p) => `脚注 [^${p.label}] 没有注文，照原样印成“[^${p.label}]”。请在文后写上“[^${p.label}]: 注文”，或删去这个注号。`),
  'footnote-misplaced': rule('warning', (p) => `脚注 [^${p.label}] 标在${p.where}中，那里排不出页下注：注号已照录为“[${p.label}]”，注文作为一段“[${p.label}] …”排在注文原处。请把注号移到正文段落中。`),
  'footnote-as-text': rule('warning', (p) => `脚注 [^${p.label}] 正文中没有引用，已作为一段“[${p.label}] …”排出。请在正文相应处加 [^${p.label}]，或删去此注。`),
  'heading-setext': rule('warning', (p) => `这一行下面紧跟着“${p.underline}”一行，按 Markdown 会成为标题，已按正文排出。年鉴的标题用 # 写（# 篇、## 章、### 分目）；若要分隔线或篇首的 ---（kind 等设置），请在它前面空一行，篇首设置须写在文件最前面。`),
  'heading-as-text': rule('warning', () => '此处的标题（#）不在篇、章、分目的层级中（如在引文、列表或前言中），已按正文段落排出。'),
  'caption-without-table': rule('warning', () => '::caption 之后没有表格，表题已按正文段落排出。请检查表格是否漏了或格式不对（表头下一行应为 | --- | --- |）。'),
  'front-block-unsupported': rule('error', (p) => `前言等卷首页中不能排${p.what}。请把它移到正文的篇目文件中，或改写为段落。`),
  'table-too-large': rule('error', (p) => `表格有 ${p.rows} 行 × ${p.columns} 列 = ${p.cells} 格，超过上限 ${p.limit} 格。请拆分此表。`),
  'directive-attribute-invalid': rule('error', (p) => `${p.name} 的属性 ${p.attribute}="${p.value}" 无效，应为${p.expected}。`),
  'gallery-title-missing': rule('error', () => '图片组缺少标题。请写成 :::gallery{title="组名"}。'),
  'gallery-title-too-long': rule('error', (p) => `图片组标题长达 ${p.chars} 字，彩页页首一行排不下，多出的字不会印出。请缩短标题。`),
  'gallery-empty': rule('error', () => '图片组中没有图片。请在 :::gallery 与 ::: 之间放入图片。'),
  // Queries (存疑) and proofs (issue 23)
  'query-empty': rule('error', (p) => `存疑 ${p.name} 没有写明问题。请写成 :q[问题]{to="单位"}，或在 :::query 与 ::: 之间写上问题。`),
  'query-open': rule('error', (p) => `存疑未答（${p.number}，问${p.to}）：${p.text}。付印稿不能带着未答的存疑生成：请按答复改正书稿并删去此存疑；阅读本可加 --allow-queries，或在 book.yaml 中写 allow_queries: true。`),
  'query-listed': rule('info', (p) => `存疑未答（${p.number}，问${p.to}）：${p.text}。付印前须答复并删去。`),
  'draft-round-invalid': rule('error', (p) => `校次“${p.round}”无效。请写一校、二校、三校……或终校（也可写 1、2、3）。`),
  'since-unreadable': rule('error', (p) => `--since ${p.since} 无法读取：${p.reason}。请给出上一次校样旁的 *-manifest.json，或书稿目录所在 git 库中的一个版本（如 HEAD~1）。`),
  'index-term-empty': rule('error', () => '索引词为空。请写成 :index[词]。'),
  'index-reading-invalid': rule('error', (p) => `索引词“${p.term}”的读音 pinyin="${p.reading}" 不对：${p.problem}。请每字写一个拼音音节加声调数字，以空格分开，如 pinyin="gong1 re4"。`),
  'comment-unclosed': rule('error', () => '注释“<!--”没有结尾“-->”，此后全文都会被当作注释略去。请在注释末尾补上 -->。'),
  'blockquote-as-text': rule('info', () => '引用（以 > 开头的段落）按正文排出，不缩进、不另排版式。'),
  'list-nested': rule('warning', () => '列表中又套列表：年鉴正文的列表只排一级，里层各项按段落排出，其编号照原文（1. 1. 2.）。请改为 （一）、1. 等层次标号的段落。'),
  'thematic-break': rule('info', () => '分隔线（单独一行的 ---、*** 或 ___）不排出；其上下的文字照排。如本想写破折号，请用“——”。'),
  'html-read': rule('warning', (p) => `这段 HTML（常见于 pandoc 等转换工具：合并了单元格的表格写成 <table>）已按其内容排出${Number(p.tables) > 0 ? `，含 ${p.tables} 张表格（合并的表头单元格排成多层表头，合并的表身单元格内容放在左上一格）` : ''}。请核对校样，最好改写为 Markdown（表格写法见“Tables”一节）。`),
  'raw-html': rule('warning', () => '书稿中的 HTML 不会被排入书中，已略去。请改用 Markdown 或 nianjian 的指令。'),
  'unsupported-markdown': rule('warning', (p) => `不支持的 Markdown 结构（${p.type}），已按正文处理。`),
  'table-ragged': rule('warning', (p) => `表格第 ${p.row} 行有 ${p.found} 个单元格，表头有 ${p.expected} 个。缺的已补空，多的已并入末格；请核对。`),
  'table-too-wide': rule('warning', (p) => `表格有 ${p.columns} 列，卧排也排不下（每列至少 2 字宽）。已卧排并按等宽压缩排出；请拆分此表或减少列数。`),
  'table-row-too-tall': rule('error', (p) => `${p.what}高过一页版心，排不下：表格只在行与行之间转页，超出的文字会印到页外。请${p.fix}。`),
  'table-rotated': rule('info', (p) => `表格有 ${p.columns} 列，竖排版心内排不下，已卧排（转 90°，表头朝左）单独成页。请看校样确认；如不希望卧排，可拆分此表或减少列数。`),
  'table-merge-invalid': rule('warning', (p) => `表头第 ${p.row} 行第 ${p.col} 列：合并标记（“<”并入左格，“^”并入上格）无处可并，或合并区不是矩形，已按文字排出。请核对表头，多层表头写法见“Tables”一节。`),
  'table-caption-missing': rule('info', () => '表格没有标题。可在表格前一行加 ::caption[表题]。'),
  // Figures
  'figure-file-missing': rule('error', (p) => (p.like
    ? `图片文件不存在：${p.src}。书稿目录中有 ${p.like}，只是字母大小写或斜杠不同（Windows 上能找到，排版时不能）。请把路径改成 ${p.like}。`
    : `图片文件不存在：${p.src}。请检查路径（相对于书稿目录），或把图片放进 photos/。`)),
  'figure-outside-manuscript': rule('error', (p) => `图片路径 ${p.src} 指向书稿目录之外。请把图片复制到书稿目录的 photos/ 中再引用。`),
  'figure-unreadable': rule('error', (p) => `图片 ${p.src} 无法读取或已损坏（${p.reason}）。请重新导出为 JPEG 或 PNG。`),
  'figure-syntax-broken': rule('error', (p) => `这一段的图片写法没有被识别（${p.why}），图片排不进去。请写成 ![图注](photos/文件名.jpg "某某提供")：! [ ] ( ) 和引号都用半角，路径中有空格时用尖括号括起，如 <photos/文件 名.jpg>。`),
  'figure-not-a-file': rule('error', (p) => `图片路径 ${p.src} 指向的是${p.kind}，不是图片文件。请写出图片文件本身的路径，或在这里放上图片文件。`),
  'image-low-resolution': rule('warning', (p) => `图片 ${p.src} 按印刷尺寸只有 ${p.dpi} dpi（应不低于 200 dpi），印出会发虚。请换用更高分辨率的原图。`),
  'figure-too-tall': rule('error', (p) => `图注长达 ${p.lines} 行，连同图片高过版心，排不下，超出的字会印到版心之外。请缩短图注，把说明写成图前或图后的正文段落。`),
  'figure-caption-missing': rule('warning', (p) => `图片 ${p.src} 没有图注。请在 ![图注](…) 的方括号中写上图注。`),
  'figure-credit-missing': rule('warning', (p) => `图片 ${p.src} 没有署名（提供单位或摄影者）。请写成 ![图注](${p.src} "某某提供")。`),
  // Text normalisation (spec §2)
  'normalize-punctuation': rule('info', (p) => `已将中文语境中的 ASCII 标点“${p.from}”改为“${p.to}”（R-NORM-1）。`),
  'normalize-quotes': rule('info', () => '已将直引号 " 按成对关系改为“”（R-NORM-2）。'),
  'normalize-fullwidth-latin': rule('info', (p) => `已将全角字母、数字“${p.from}”改为半角“${p.to}”（R-MIX-5）。`),
  'quotes-misnested': rule('warning', (p) => `引号嵌套或配对有误，见 ${p.excerpt}（【】中为出错的引号）。引号内再用引号须用单引号‘’（先双后单），前后引号须成对；请对照原稿改正（R-NORM-2）。`),
  'normalize-quotes-unbalanced': rule('warning', () => '本段引号不成对。请检查是否漏了前引号或后引号（R-NORM-2）。'),
  'normalize-full-stop': rule('warning', () => '汉字之间有英文句点“.”，暂排作全角“．”。请改为句号“。”、逗号“，”或间隔号“·”（R-NORM-5）。'),
  'normalize-ellipsis-dash': rule('info', (p) => `已将“${p.from}”改为“${p.to}”（R-NORM-3）。`),
  'normalize-space': rule('info', (p) => `已${p.what}（R-NORM-4）。`),
  'control-character': rule('warning', (p) => `文中有不可见字符 ${p.code}，已删去。请检查是否为复制粘贴带入。`),
  // Composition (R-JUS, fonts)
  'glyph-missing': rule('warning', (p) => `没有字体含有“${p.char}”（${p.code}），已排为方框占位。请改用通用字，或在 fonts/fonts.yaml 中加入含此字的字体。`),
  'line-overfull': rule('warning', (p) => `此行超出版心 ${p.over} pt：“${p.text}”。请在过长的字母或数字串中加空格以便断行。`),
  'kinsoku-forced': rule('warning', (p) => `一串不能断开的字符长过一行（多为误输入的连续标点），只得在禁则不许处断行：“${p.text}”（R-KIN）。请检查并删改。`),
  'line-loose': rule('warning', (p) => `此行字距过松（每处加宽 ${p.spread} 字，R-JUS-7）：“${p.text}”。可调整用词或断句。`),
  // Press files (build --press, issue 20)
  'format-trim-mismatch': rule('error', (p) => `book.yaml 的开本 ${p.format}（每页纸面 ${p.fraction}）裁不出版式 ${p.template} 的成品尺寸 ${p.trim}。请改正 format 的纸张与开数，或换用与开本相符的版式。`),
  'format-trim-loose': rule('warning', (p) => `book.yaml 的开本 ${p.format}（每页纸面 ${p.fraction}）比版式 ${p.template} 的成品尺寸 ${p.trim} 大出 ${p.loss}，修边过多（通常 3–25 mm）。请核对版权页的开本。`),
  'press-profile-missing': rule('error', (p) => `找不到印刷用的 CMYK 特性文件 ${p.path}，未生成印刷文件。请安装 Debian 的 ghostscript（其 libgs-common 带有此文件），或在版式 press.icc_profile 中写明印厂提供的 ICC 文件。`),
  'press-profile-damaged': rule('error', (p) => `印刷用的 CMYK 特性文件 ${p.path} 已损坏或不完整：${p.reason}，未生成印刷文件。请重新下载或向印厂重新索取此 ICC 文件。`),
  'press-profile-not-cmyk': rule('error', (p) => `特性文件 ${p.path} 的色彩空间是 ${p.space}，不是 CMYK，不能作印刷输出条件。请换用 CMYK 的 ICC 文件。`),
  'press-image-low-resolution': rule('warning', (p) => `图片 ${p.src} 在印刷文件中只有 ${p.dpi} dpi（应不低于 300 dpi）。请换用更高分辨率的原图。`),
  'press-image-assumed-srgb': rule('warning', (p) => `${p.count} 幅 RGB 图片没有嵌入 ICC 特性文件（如 ${p.examples}），已按 sRGB 转换为 CMYK。如原图另有色彩空间，请嵌入其特性文件。`),
  'press-safety-margin': rule('warning', (p) => `第 ${p.page} 页有${p.what}距成品裁切边只有 ${p.distance} mm，小于安全距离 ${p.safety} mm，裁切时可能被切掉。请调整版式或该页内容。`),
  'price-beyond-barcode': rule('warning', (p) => `定价 ${p.price} 超出了封底条码附加码五位数字所能表示的范围（最高 999.99元），附加码印作 ${p.addOn}（不标价格）。如需条码标价，请向条码发放机构确认写法。`),
  'cover-image-missing': rule('warning', (p) => `找不到封面图片 ${p.src}，封面按版式的底色生成。请检查 book.yaml 中 cover_image 的路径。`),
  'cover-image-unusable': rule('warning', (p) => `封面图片 ${p.src} 未能使用（${p.why}），封面按版式的底色生成。请把封面图片（JPEG 或 PNG）放进书稿目录的 photos/，在 book.yaml 的 cover_image 写出它的路径。`),
  'cover-image-low-resolution': rule('warning', (p) => `封面图片 ${p.src} 只有 ${p.dpi} dpi（应不低于 300 dpi）。请换用更高分辨率的原图。`),
  'word-count-off': rule('warning', (p) => `book.yaml 写明字数 ${p.stated}，按版面容量计算为 ${p.computed} 千字，相差超过 5%（R-CIP-11）。请核对，或删去 word_count 由排版计算。`),
  'heading-stranded': rule('warning', () => '此标题排在栏末，其下正文转到下一栏或下一页（R-HEAD-3）。可增删文字、调整图片位置，或确认此处本无正文。'),
  'index-reading-guess': rule('info', (p) => `索引标题“${p.heading}”中的多音字${p.chars}是按单字读的（拼音库与项目词典都没有含它的词），排在 ${p.letter} 下。请核对；读错时在 book.yaml 的 index_readings 中写明读音，如 ${p.heading}: …。`),
  'column-short': rule('warning', (p) => `此栏末空 ${p.lines} 行：${p.cause}，前文各段已无法在挤排、松排限度内增减一行补齐（R-COL-1）。可增删几个字。`),
  'index-term-unplaced': rule('warning', (p) => `索引词“${p.term}”不在正文的任何一页上（如标在前言、彩页或表格中），索引中没有它。请把标引移到正文，或删去标记。`),
  'layout-not-converged': rule('warning', (p) => `目录中有 ${p.count} 项找不到所在页（${p.titles}）。请检查这些标题是否排入正文。`),
  // Faults of the disk and the system, and of nianjian itself (issue 16): the last good outputs are kept
  'system-fault': rule('error', (p) => `${p.message}上次生成的文件保持不变。`),
  'internal-error': rule('fatal', (p) => `nianjian 在“${p.stage}”一步出错：${p.reason}。上次生成的文件保持不变。请把这条信息与书稿一并发给维护者。`),
  'build-interrupted': rule('error', (p) => `生成被中断（${p.signal}）。临时文件已删除，上次生成的文件保持不变。`),
  'import-interrupted': rule('error', (p) => `导入被中断（${p.signal}）。临时文件已删除，书稿中没有写了一半的文件。请重新导入。`),
  'source-date-epoch-invalid': rule('warning', (p) => `环境变量 SOURCE_DATE_EPOCH=${p.value} 不是 1980 年至 2107 年之间的整数秒数（ZIP 与 PDF 能记的日期），已改用 book.yaml 的 build_date。`),
  'font-package-missing': rule('error', (p) => `找不到字体包 ${p.path}。请检查包名与路径，或运行 npm install 安装字体包；本机的字体文件可写相对于 fonts.yaml 的路径或绝对路径。`),
  'font-file-missing': rule('error', (p) => `找不到字体文件 ${p.path}${p.full && p.full !== p.path ? `（即 ${p.full}）` : ''}。请检查路径：相对路径从 fonts.yaml 所在的目录算起，也可写绝对路径。`),
  'font-file-invalid': rule('error', (p) => `${p.path} 不能用作字体：${p.reason}。请写 .ttf 或 .otf 字体文件的路径。`),
  'font-file-damaged': rule('error', (p) => `字体文件 ${p.path} 已损坏或不完整：${p.reason}。请重新下载或复制此字体文件，或换用其他字体。`),
  'font-unusable': rule('error', (p) => `${p.path} 不能用于排版：${p.reason}。请换用${p.role ? '含汉字的' : '其他'} .ttf 或 .otf 字体。`),
  'font-css-invalid': rule('error', (p) => `网页字体的 CSS 文件 ${p.path} 不能用：${p.reason}。请写字体包中含 @font-face（src: url(…) 与 unicode-range）的 CSS 文件（如 result.css），或改用 .ttf/.otf 字体。`),
  'font-piece-damaged': rule('error', (p) => `网页字体 ${p.path} 的子集 ${p.piece} ${p.reason}。请重新安装此字体包（npm install）或重新下载其全部文件，或改用 .ttf/.otf 字体。`),
  'output-name-changed': rule('warning', (p) => `书名“${p.title}”含有不能用于文件名的字符，输出文件改名为“${p.name}”。`),
  'paragraph-too-long': rule('warning', (p) => `段落长达 ${p.length} 字。请确认是否漏了分段。`),
  'numbers-apart': rule('warning', (p) => `两个数字之间只隔一个空格：“${p.excerpt}”。中间多半漏了符号（比号“∶”、乘号“×”、顿号）或多了字。请对照原稿核对。`),
  'text-repeated': rule('warning', (p) => `同样的文字接连出现两次：【${p.excerpt}】。多半是粘贴重了，请对照原稿删去多余的一处。`),
} satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof CATALOGUE;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(CATALOGUE, id);
}
