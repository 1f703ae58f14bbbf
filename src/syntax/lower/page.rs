//! The page layer: which lines may start a notice, what lies between notices (deputy reports,
//! citations in articles), and the lines that look like a header but do not read.

use super::*;

/// Heading marks and indentation before a line's words.
const LINE_LEAD: [char; 4] = ['#', ' ', '\t', '\u{3000}'];

/// The words of a line (its span and text): without heading marks, indentation, trailing
/// spaces or the line break.
fn line_words(source: &str, line: Span) -> (Span, &str) {
    let text = source[line.start..line.end].trim_end_matches(['\n', '\r']);
    let content = text.trim_start_matches(LINE_LEAD).trim_end();
    let start = line.start + (text.len() - text.trim_start_matches(LINE_LEAD).len());
    (Span::new(start, start + content.len()), content)
}

/// A header line that does not read, marked on its first six characters.
fn unread_header(span: Span, content: &str, expected_zh: &str, expected_en: &str) -> Unrecognised {
    let head: usize = content.chars().take(6).map(char::len_utf8).sum();
    Unrecognised {
        span,
        at: Span::new(span.start, span.start + head),
        expected_zh: expected_zh.into(),
        expected_en: expected_en.into(),
        context: SyntaxContext::NoticeHeader,
        cause: Unreadable::UnknownWording,
    }
}

const HEADER_ZH: &str = "公告标题，如「重庆市人民代表大会常务委员会公告」";
const HEADER_EN: &str = "a notice header, such as 「重庆市人民代表大会常务委员会公告」";

/// What is left of a congress body's name when characters of it were lost: 「务委员会」,
/// 「上海市人民代员会」.
const DAMAGED_NAME: [&str; 6] = ["人民代", "代表大", "人大", "常务", "务委员会", "常委"];

/// A line that ends like a notice's header (「…常务委员会公告」, 「…常委会任免名单」) but does not
/// read as one: the notice under it was not read at all, which must not pass in silence
/// (「重代表大会常务委员会公告」: the issuer's name lost characters).
pub(super) fn header_like(source: &str, line: Span) -> Option<Unrecognised> {
    let (span, content) = line_words(source, line);
    let title_words = ["公告", "任免名单", "任命名单", "免职名单"];
    let committee = ["常务委员会", "常委会"];
    // A news title (「关于召开人大代表座谈会的公告」) has 关于 or 的.
    let headed = title_words.iter().any(|t| {
        content.strip_suffix(t).is_some_and(|rest| {
            let rest = rest.trim_end();
            let news = rest.contains("关于") || rest.contains('的');
            // Only a standing committee issues a 任免名单: whatever else stands before one is
            // its issuer's name damaged (「全国人民[代表大会常务委员会]任免名单」).
            let list = *t != "公告" && !news;
            list || committee.iter().any(|c| rest.ends_with(c))
                || (DAMAGED_NAME.iter().any(|d| rest.contains(d)) && !news)
        })
    });
    // 「…常务委员会组成人员名单」 (a new term's roster) is a notice of a shape the grammar does not
    // read: told, not passed as news text. A news heading 「…代表名单」 names no committee.
    let roster = !headed
        && content.ends_with("名单")
        && !title_words.iter().any(|t| content.ends_with(t))
        && committee.iter().any(|c| content.contains(c))
        && !content.contains("关于");
    const LONGEST_HEADER: usize = 48;
    if !(headed || roster)
        || content.chars().count() > LONGEST_HEADER
        || content.contains(['，', '。'])
    {
        return None;
    }
    if roster {
        return Some(unread_header(
            span,
            content,
            "本工具能读的公告（「…公告」「…任免名单」）；组成人员名单这种公告尚不能核对",
            "a notice the tool reads (「…公告」, 「…任免名单」); a roster of members is not checked yet",
        ));
    }
    Some(unread_header(span, content, HEADER_ZH, HEADER_EN))
}

/// The header-like lines of text between the lines that may start a notice (a header that
/// lost the words those lines are found by: 「务委员会公告」), outside `skip` (a Markdown page's
/// code blocks and comments).
pub(super) fn headers_in_gap(source: &str, gap: Span, skip: &[Span]) -> Vec<Unrecognised> {
    let text = &source[gap.start..gap.end];
    if !["公告", "名单", "常务委员会", "常委会", "号"]
        .iter()
        .any(|w| text.contains(w))
    {
        return Vec::new();
    }
    line_spans(source, gap)
        .into_iter()
        .filter(|l| !skip.iter().any(|s| s.start <= l.start && l.end <= s.end))
        .filter_map(|l| damaged_header(source, l))
        .collect()
}

/// A line of a notice's header that does not read: a title line (see [`header_like`]), or the
/// issuer's line above a title (「## 天水市第七届人民代表大会常务委员会」 over 「## 公 告」) that lost
/// part of its name (「## 天会常务委员会」, 「## 常务委员会」). Either way the notice below is not
/// read, or read without an issuer, and the damaged line would pass as news text.
pub(super) fn damaged_header(source: &str, line: Span) -> Option<Unrecognised> {
    damaged_header_line(source, line).map(|mut u| {
        // A header with a fixed word cut short (「上海市人民代员会公告」) lost text: that is what
        // is told, as an error.
        let text = &source[u.span.start..u.span.end];
        if let Some((cut, word)) = cut_word(text) {
            u.at = Span::new(u.span.start + cut.start, u.span.start + cut.end);
            u.expected_zh = format!("「{word}」");
            u.expected_en = format!("「{word}」");
            u.cause = Unreadable::CutWord { word };
        }
        u
    })
}

fn damaged_header_line(source: &str, line: Span) -> Option<Unrecognised> {
    header_like(source, line)
        .or_else(|| orphan_number(source, line))
        .or_else(|| cut_title(source, line))
        .or_else(|| news_heading_without_list(source, line))
        .or_else(|| {
            let below = nonblank_line_after(source, line)?;
            titles_a_notice(&source[below.start..below.end])
                .then(|| damaged_issuer(source, line))
                .flatten()
        })
}

/// A notice's number line (「〔六届〕第58号」) outside any notice: the header above it did not
/// read (「## 重庆市人民代表大会常[务委员会公告]」), and that header line is reported.
fn orphan_number(source: &str, line: Span) -> Option<Unrecognised> {
    let (_, number) = line_words(source, line);
    if number.is_empty()
        || number.chars().count() > 16
        || !number.ends_with('号')
        || !reads(Rule::number_root, number)
    {
        return None;
    }
    let (span, content) = line_words(source, nonblank_line_before(source, line.start)?);
    // What is left of a congress body's name or a notice's title word; a number under another
    // title (「中华人民共和国主席令」 over 「第三号」) is not a notice's.
    let named = DAMAGED_NAME
        .iter()
        .chain(&["委员会", "公告", "名单"])
        .any(|w| content.contains(w));
    const LONGEST_HEADER: usize = 48;
    if !named || content.chars().count() > LONGEST_HEADER || content.contains(['，', '。']) {
        return None;
    }
    Some(unread_header(span, content, HEADER_ZH, HEADER_EN))
}

/// How a title that is 「关于…」 ends: the kind of act, report or rule it names.
const TITLE_ENDS: [&str; 16] = [
    "决定", "决议", "办法", "规定", "规则", "意见", "报告", "条例", "细则", "批复", "公告", "通知",
    "议程", "名单", "说明", "方案",
];

/// A decision's title cut short over its adoption line (「…关于修改《宁安自治区各级人民代表大会选
/// 举实施细[则》的决定]」 over 「（2025年5月28日…会议通过）」): the adoption line shows the title
/// was meant to end there, and it does not end as a title does. The notice under it is not read.
fn cut_title(source: &str, line: Span) -> Option<Unrecognised> {
    let (span, content) = line_words(source, line);
    const LONGEST_TITLE: usize = 96;
    if !content.contains("关于")
        || content.contains(['，', '。', '；'])
        || content.chars().count() > LONGEST_TITLE
        || TITLE_ENDS.iter().any(|e| content.ends_with(e))
    {
        return None;
    }
    let below = nonblank_line_after(source, line)?;
    let (_, note) = line_words(source, below);
    let adoption = note.starts_with(['（', '('])
        && note.ends_with(['）', ')'])
        && (note.contains("通过") || note.contains("批准"));
    if !adoption {
        return None;
    }
    let last = content.chars().next_back().map_or(0, char::len_utf8);
    Some(Unrecognised {
        span,
        at: Span::new(span.end - last, span.end),
        expected_zh: "以「的决定」「的决议」等结尾的完整标题".into(),
        expected_en: "a whole title ending in 「的决定」, 「的决议」 or the like".into(),
        context: SyntaxContext::NoticeHeader,
        cause: Unreadable::BrokenOff,
    })
}

/// A news report's 「会议决定：」 (`news_list_header`) whose list did not read: the line under
/// it does not even begin as an entry (「任命，钱进为…」). When the heading names moves
/// (「会议任命：」) or the line begins with a move's verb, the moves would pass unread.
fn news_heading_without_list(source: &str, line: Span) -> Option<Unrecognised> {
    let (_, heading) = line_words(source, line);
    if !heading.starts_with("会议")
        || !heading.ends_with(['：', ':'])
        || !reads(Rule::news_list_header, heading)
    {
        return None;
    }
    let names_moves = ["任命", "免去", "任免"].iter().any(|v| heading.contains(v));
    unread_list_line(source, nonblank_line_after(source, line)?, names_moves)
}

/// After a news report's list: the line that ended it, when the list promised more (its last
/// entry ends in 「；」: 「张建国为…局长；」 over 「李[文华为安平市审计]局局长。」) or the line
/// begins with a move's verb, and does not read as entries.
pub(super) fn news_list_cut_short(source: &str, list: Span) -> Option<Unrecognised> {
    let last = nonblank_line_before(source, list.end)?;
    let (_, entry) = line_words(source, last);
    let next = nonblank_line_after(source, last)?;
    unread_list_line(source, next, entry.ends_with('；'))
}

/// How a line of moves begins (an entry in verb-first style).
const MOVE_VERBS: [&str; 7] = [
    "任命",
    "免去",
    "决定任命",
    "决定免去",
    "批准任命",
    "批准免去",
    "撤销",
];

/// `line`, where a list's entry is due (`due`) or it begins with a move's verb, when it does
/// not read as entries: marked where reading stopped.
fn unread_list_line(source: &str, line: Span, due: bool) -> Option<Unrecognised> {
    let (span, content) = line_words(source, line);
    if content.is_empty() || !(due || MOVE_VERBS.iter().any(|v| content.starts_with(v))) {
        return None;
    }
    let error = NoticeParser::parse(Rule::entries_root, content).err()?;
    let stop = error_at(&error).min(content.len());
    let next = content[stop..].chars().next().map_or(0, char::len_utf8);
    Some(Unrecognised {
        span,
        at: Span::new(span.start + stop, span.start + stop + next),
        expected_zh: "任免条目，如「任命X为…；」「免去X的…职务。」".into(),
        expected_en: "entries such as 「任命X为…；」 or 「免去X的…职务。」".into(),
        context: SyntaxContext::Entry,
        cause: Unreadable::UnknownWording,
    })
}

/// The first line after `line` that holds more than spaces.
fn nonblank_line_after(source: &str, line: Span) -> Option<Span> {
    let mut at = line_end(source, line.end.saturating_sub(1).max(line.start));
    while at < source.len() {
        let end = line_end(source, at);
        if !source[at..end].trim().is_empty() {
            return Some(Span::new(at, end));
        }
        at = end;
    }
    None
}

/// The last line before `at` (a line's start) that holds more than spaces.
fn nonblank_line_before(source: &str, at: usize) -> Option<Span> {
    let bytes = source.as_bytes();
    let mut end = at;
    while end > 0 {
        let start = memchr::memrchr(b'\n', &bytes[..end - 1]).map_or(0, |i| i + 1);
        let line = Span::new(start, end);
        if !source[start..end].trim().is_empty() {
            return Some(line);
        }
        end = start;
    }
    None
}

/// The title line under an issuer's line: 「公告」 (spaced or not), a list's 「任免名单」, or a
/// decision's 「关于…的决定」.
fn titles_a_notice(line: &str) -> bool {
    let content: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '#' && *c != '\u{3000}')
        .collect();
    content == "公告"
        || ["任免名单", "任命名单", "免职名单"]
            .iter()
            .any(|t| content.ends_with(t))
        || (content.starts_with("关于") && (content.ends_with("决定") || content.ends_with("决议")))
}

/// A short line that ends like a standing committee's name but is not one.
fn damaged_issuer(source: &str, line: Span) -> Option<Unrecognised> {
    let (span, content) = line_words(source, line);
    const LONGEST_ISSUER: usize = 32;
    let committee = content.ends_with("常务委员会") || content.ends_with("常委会");
    if !committee
        || content.chars().count() > LONGEST_ISSUER
        || content.contains(['，', '。', '：', '、'])
        || reads(Rule::signature_root, content)
    {
        return None;
    }
    Some(unread_header(
        span,
        content,
        "常务委员会的全称，如「重庆市人民代表大会常务委员会」",
        "a standing committee's full name, such as 「重庆市人民代表大会常务委员会」",
    ))
}

pub(super) fn call_limit_problem(span: Span) -> Unrecognised {
    Unrecognised {
        span,
        at: Span::new(span.start, span.start),
        expected_zh: "篇幅或结构在解析器的调用上限之内的文本".into(),
        expected_en: "text within the parser's call limit".into(),
        context: SyntaxContext::Document,
        cause: Unreadable::TooComplex,
    }
}

/// The blocks of a page as they are found.
#[derive(Default)]
pub(super) struct Page {
    pub(super) blocks: Vec<Block>,
    pub(super) problems: Vec<Unrecognised>,
}

impl Page {
    /// Opaque text at `span`; consecutive opaque lines form one block.
    pub(super) fn opaque(&mut self, span: Span) {
        if span.start == span.end {
            return;
        }
        match self.blocks.last_mut() {
            Some(Block::Opaque(o)) if o.span.end == span.start => o.span.end = span.end,
            _ => self.blocks.push(Block::Opaque(Opaque {
                span,
                deputy_reports: Vec::new(),
            })),
        }
    }

    pub(super) fn finish(mut self, source: &str) -> Document {
        // A damaged header is found from its own line and from the number line under it.
        self.problems.sort_by_key(|u| (u.span.start, u.span.end));
        self.problems.dedup_by_key(|u| u.span);
        for block in &mut self.blocks {
            if let Block::Opaque(o) = block {
                o.deputy_reports = deputy_reports(source, o.span);
            }
        }
        Document {
            span: Span::new(0, source.len()),
            blocks: self.blocks,
            problems: self.problems,
        }
    }
}

/// The end of the line that starts at `at`, after its line break (`\n`, `\r\n` or `\r`, as
/// pest's `NEWLINE`), or the end of the text.
pub(super) fn line_end(source: &str, at: usize) -> usize {
    let bytes = source.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
        Some(i) => {
            let i = at + i;
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            }
        }
        None => source.len(),
    }
}

/// The lines of `span`, each with its line break.
pub(super) fn line_spans(source: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = span.start;
    while pos < span.end {
        let end = line_end(source, pos).min(span.end);
        out.push(Span::new(pos, end));
        pos = end;
    }
    out
}

/// Finds the lines on which a notice may start.
///
/// `notice = { (press_lead+ ~ &notice_header)? ~ (notice_header ~ … | …) }`: its first line
/// is a press line (it holds 「新华社」 or 「授权发布」) or the first line of a header, which
/// holds the issuer, a `standing_committee` (it ends in 「常务委员会」 or 「常委会」, and no
/// part of it crosses a line break). A line with none of these four words cannot start a
/// notice. The converse need not hold: the grammar decides on the lines found here.
pub(super) struct NoticeStarts<'s> {
    pub(super) bytes: &'s [u8],
    /// Each word's finder and its next occurrence at or after the last search (`None`: none).
    pub(super) needles: Vec<(memchr::memmem::Finder<'static>, Option<usize>)>,
}

/// 「关于」 starts a decision printed without its issuer above the title (溧水 2021); 「会议决定：」,
/// 「会议任命：」 and 「会议免去：」 the moves a news report of a meeting lists
/// (`news_list_header`).
pub(super) const NOTICE_START_WORDS: [&str; 8] = [
    "常务委员会",
    "常委会",
    "新华社",
    "授权发布",
    "关于",
    "会议决定",
    "会议任命",
    "会议免去",
];

impl<'s> NoticeStarts<'s> {
    pub(super) fn new(source: &'s str) -> Self {
        let bytes = source.as_bytes();
        let needles = NOTICE_START_WORDS
            .iter()
            .map(|w| {
                let finder = memchr::memmem::Finder::new(w.as_bytes()).into_owned();
                let next = finder.find(bytes);
                (finder, next)
            })
            .collect();
        NoticeStarts { bytes, needles }
    }

    /// The start of the first line at or after `from` (a line start) that holds one of the
    /// words. Calls come with `from` non-decreasing, so each word is searched once overall.
    pub(super) fn next_line(&mut self, from: usize) -> Option<usize> {
        let mut first: Option<usize> = None;
        for (finder, next) in &mut self.needles {
            if let Some(at) = *next {
                if at < from {
                    *next = finder.find(&self.bytes[from..]).map(|i| from + i);
                }
            }
            if let Some(at) = *next {
                first = Some(first.map_or(at, |f| f.min(at)));
            }
        }
        // The line holding it starts after the last line break before it (never before
        // `from`, which is a line start).
        first.map(|at| memchr::memrchr2(b'\n', b'\r', &self.bytes[..at]).map_or(0, |i| i + 1))
    }
}

/// Every 「关于…等N名代表的代表资格的报告」 in an article outside the notices.
pub(super) fn deputy_reports(source: &str, span: Span) -> Vec<DeputyReport> {
    let text = &source[span.start..span.end];
    let mut out = Vec::new();
    for (at, _) in text.match_indices("关于") {
        // A report title never crosses a line break: read to the end of its line only, so
        // that a long article is not copied (and scanned by pest's error) once per 「关于」.
        let start = span.start + at;
        let frag = Fragment::new(
            source,
            Span::new(start, line_end(source, start).min(span.end)),
        );
        let Some(root) = parse_root(Rule::deputy_report_root, &frag.text) else {
            continue;
        };
        let l = Lower::new(&frag);
        let Some(report) = child(&root, Rule::deputy_report) else {
            continue;
        };
        if let Some(first) = find(&report, Rule::person) {
            out.push(DeputyReport {
                span: l.span(&report),
                first: l.person(&first),
                count: child(&report, Rule::numeral).and_then(|n| l.number(&n)),
            });
        }
    }
    out
}

/// Every law article cited in a notice: at each 「《」 and each short law name.
pub(super) fn citations(source: &str, span: Span) -> Vec<Citation> {
    let text = &source[span.start..span.end];
    let mut starts: Vec<usize> = text.match_indices('《').map(|(i, _)| i).collect();
    for short in ["地方组织法", "代表法", "选举法"] {
        // Inside a 《…》 title a short name is followed by 》, not 第, and does not parse.
        starts.extend(text.match_indices(short).map(|(i, _)| i));
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out: Vec<Citation> = Vec::new();
    for at in starts {
        // A citation never crosses a line break (`law_title` and `article` stop at one).
        let start = span.start + at;
        let frag = Fragment::new(
            source,
            Span::new(start, line_end(source, start).min(span.end)),
        );
        let Some(root) = parse_root(Rule::citation_root, &frag.text) else {
            continue;
        };
        let l = Lower::new(&frag);
        let Some(c) = child(&root, Rule::citation) else {
            continue;
        };
        let law = child(&c, Rule::law_title).or_else(|| child(&c, Rule::cited_short));
        let article = child(&c, Rule::article)
            .and_then(|a| find(&a, Rule::article_number))
            .and_then(|a| l.number(&a));
        if let (Some(law), Some(article)) = (law, article) {
            let s = l.span(&c);
            // A short name inside an already found citation is the same citation.
            if out
                .iter()
                .any(|o| o.span.start <= s.start && s.end <= o.span.end)
            {
                continue;
            }
            out.push(Citation {
                span: s,
                law: l.text(&law),
                article,
            });
        }
    }
    out
}
