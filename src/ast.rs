//! The typed syntax tree of a gazette page.
//!
//! Every node carries the byte [`Span`] of the decoded source text it came from, so that
//! diagnostics can point at the exact characters. The tree is plain data: it derives
//! `Serialize` and is printed by `gazette parse --format json`. Chinese domain terms map to
//! English identifiers through the glossary in DOMAIN.md (任免名单 = [`PersonnelList`],
//! 实有代表 = [`Fact::SeatedTotal`], 相应终止 = [`Fact::ConsequentialLoss`] …).

use serde::Serialize;

/// How a number is written: 「56」 (Arabic, also full-width) or 「五十六」 (Chinese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumeralStyle {
    Arabic,
    Chinese,
}

/// A half-open byte range `[start, end)` into the decoded UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A piece of source text: what was printed, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// A number as printed (「56」 or 「五十六」) with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Number {
    pub value: u32,
    pub style: NumeralStyle,
    pub span: Span,
}

/// A calendar date as printed, 「2024年11月28日」. Not validated here (GZ107 judges it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    pub span: Span,
    pub year: Number,
    pub month: Number,
    pub day: Number,
}

/// A gazette page or a single draft.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub span: Span,
    /// Notices and opaque blocks, in order; together they tile the input exactly.
    pub blocks: Vec<Block>,
    /// Problems with the page as a whole (e.g. the parser's call limit was reached).
    pub problems: Vec<Unrecognised>,
}

impl Document {
    pub fn notices(&self) -> impl Iterator<Item = &Notice> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Notice(n) => Some(n.as_ref()),
            Block::Opaque(_) => None,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Notice(Box<Notice>),
    /// Text that belongs to no notice: news, briefs, policy texts, blank lines.
    Opaque(Opaque),
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::Notice(n) => n.span,
            Block::Opaque(o) => o.span,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Opaque {
    pub span: Span,
    /// 「关于姜国杰等14名代表的代表资格的报告」 mentioned in the text (GZ206 counts them).
    pub deputy_reports: Vec<DeputyReport>,
}

/// A meeting report on deputies' qualifications named in an article: its first deputy and count.
#[derive(Debug, Clone, Serialize)]
pub struct DeputyReport {
    pub span: Span,
    pub first: Person,
    pub count: Option<Number>,
}

/// 「《中华人民共和国…组织法》第三十二条」: a law and the article cited from it.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    pub span: Span,
    pub law: Text,
    pub article: Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// 代表资格 confirmed or terminated.
    Qualification,
    /// 任免名单.
    Personnel,
    /// 关于…的决定 / 决议.
    Decision,
    /// A by-election called in named districts (通山 2018: 「…各补选县十九届人大代表1名，共计5名」).
    ByElection,
}

impl NoticeKind {
    pub fn name_zh(self) -> &'static str {
        match self {
            NoticeKind::Qualification => "代表资格公告",
            NoticeKind::Personnel => "任免名单",
            NoticeKind::Decision => "决定或决议",
            NoticeKind::ByElection => "补选公告",
        }
    }
}

/// One notice (公告 or 任免名单).
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub span: Span,
    pub kind: NoticeKind,
    /// The issuing standing committee as printed in the header.
    pub issuer: String,
    /// The term (届) from the number line, or from the issuer's name where the number has none.
    pub term: Option<u32>,
    /// The sequence number (第N号).
    pub number: Option<u32>,
    pub header: NoticeHeader,
    /// 「（授权发布）」 and 「新华社北京4月23日电」 lines.
    pub press: Vec<Text>,
    pub adoption: Option<AdoptionLine>,
    pub body: NoticeBody,
    pub closing: Closing,
    /// Lines and clauses inside the notice that no production recognises (GZ003).
    pub unrecognised: Vec<Unrecognised>,
    /// Markdown heading marks (`### `): layout, not content, but recorded so that every
    /// non-blank byte of a notice belongs to some node.
    pub markup: Vec<Span>,
    /// Every article of a law cited in the notice's text (GZ207).
    pub citations: Vec<Citation>,
}

impl Notice {
    /// The notice's date: its signature date, else its adoption date.
    pub fn date(&self) -> Option<(u32, u32, u32)> {
        let d = self
            .closing
            .date
            .or(self.adoption.as_ref().map(|a| a.date))?;
        Some((d.year.value, d.month.value, d.day.value))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeHeader {
    pub span: Span,
    /// 重庆市人民代表大会常务委员会
    pub issuer: Text,
    /// A term inside the issuer's name (徐州市第十六届人民代表大会常务委员会).
    pub issuer_term: Option<Number>,
    /// 公告 / 任免名单 (possibly spaced: 「公  告」).
    pub title_word: Text,
    pub number: Option<NoticeNumber>,
}

/// The number line: 〔十三届〕第七号, [六届]第56号, （第59号）, 第1号, [2011]第35号.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeNumber {
    pub span: Span,
    /// The brackets around the term or year group, when there is one.
    pub brackets: Option<Brackets>,
    /// True for the provincial form where the whole number is in parentheses: （第59号）.
    pub parenthesised: bool,
    pub term: Option<Number>,
    pub year: Option<Number>,
    pub sequence: Option<Number>,
    /// False when the line sits where a number belongs but is not a number (GZ101 error).
    pub well_formed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Brackets {
    pub open: Text,
    pub close: Text,
}

/// 「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」
#[derive(Debug, Clone, Serialize)]
pub struct AdoptionLine {
    pub span: Span,
    pub date: Date,
    /// The meeting that adopted it; `None` when the line names none (「（1964年4月17日通过）」).
    pub meeting: Option<Meeting>,
    /// Line breaks inside it, where print broke it over lines (江西 2017: 「…人民代表大会」 /
    /// blank line / 「常务委员会第三十五次会议通过）」); GZ004 reports them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Span>,
    /// 「1998年7月31日湖南省第九届人民代表大会常务委员会第四次会议批准」: the province's
    /// approval of an autonomous prefecture's act, printed after the adoption (湘西 1998).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<Span>,
}

/// 「重庆市第六届人民代表大会常务委员会第十二次会议」
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub span: Span,
    pub body: Congress,
    pub ordinal: Number,
}

/// A congress or its standing committee as named in the text, with its term when printed.
#[derive(Debug, Clone, Serialize)]
pub struct Congress {
    pub span: Span,
    pub text: String,
    pub term: Option<Number>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NoticeBody {
    Qualification(QualificationBody),
    Personnel(PersonnelList),
    Decision(Decision),
}

/// The closing: 「特此公告。」, the signature, the date. Any part may be missing.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Closing {
    pub formula: Option<Text>,
    pub signature: Option<Text>,
    pub date: Option<Date>,
}

/// Something inside a notice that the grammar does not recognise.
#[derive(Debug, Clone, Serialize)]
pub struct Unrecognised {
    /// The whole line or clause that was not recognised.
    pub span: Span,
    /// Where recognition stopped: the first character that does not fit.
    pub at: Span,
    /// What the grammar expected there, in words.
    pub expected_zh: String,
    pub expected_en: String,
    /// What was being read: 「任免条目」, 「代表资格条款」 …
    pub context: SyntaxContext,
    /// Whether the text is broken or only worded in a way the grammar does not know.
    pub cause: Unreadable,
}

/// Why a text could not be read, as far as the parser can tell. Broken text must not be
/// printed; a wording the grammar does not know may be correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Unreadable {
    /// A wording the grammar does not know.
    UnknownWording,
    /// A structure breaks off where another begins (the seed's 56: 「补选吴凯为重庆市第六届人民代表大会」
    /// runs into 「…常务委员会第十二次会议审议通过…」: the words between were lost).
    RunIn {
        /// The structure that begins inside the broken one.
        resumes: Span,
    },
    /// A run of characters printed twice close together (「辞去第十陈晓梅辞去第十三届…」).
    Doubled { first: Span, second: Span },
    /// A fixed word of the notices broken off by lost characters: 「人民代表大议」 (人民代表大会),
    /// 「垫江县人民代补选」 (人民代表大会常务委员会).
    CutWord { word: &'static str },
    /// A title that stops before its end, as what follows shows (「…关于修改《…实施细」 over its
    /// adoption line).
    BrokenOff,
    /// Text the parser gave up on (its call limit): too deeply nested to be a notice.
    TooComplex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyntaxContext {
    NoticeNumber,
    Entry,
    SectionHeading,
    PersonnelLine,
    DeputyClause,
    NoticeLine,
    /// The sentence of a personnel decision that decides (接受…辞去…的请求, …代理…).
    DecisionClause,
    /// A line that ends like a notice's header but does not read as one.
    NoticeHeader,
    Document,
}

impl SyntaxContext {
    pub fn name_zh(self) -> &'static str {
        match self {
            SyntaxContext::NoticeNumber => "公告编号",
            SyntaxContext::Entry => "任免条目",
            SyntaxContext::SectionHeading => "节标题",
            SyntaxContext::PersonnelLine => "任免名单中的行",
            SyntaxContext::DeputyClause => "代表资格条款",
            SyntaxContext::NoticeLine => "公告中的行",
            SyntaxContext::DecisionClause => "决定条款",
            SyntaxContext::NoticeHeader => "公告标题",
            SyntaxContext::Document => "文档",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            SyntaxContext::NoticeNumber => "notice number",
            SyntaxContext::Entry => "personnel entry",
            SyntaxContext::SectionHeading => "section heading",
            SyntaxContext::PersonnelLine => "line of a personnel list",
            SyntaxContext::DeputyClause => "deputy-qualification clause",
            SyntaxContext::NoticeLine => "line of a notice",
            SyntaxContext::DecisionClause => "clause of a decision",
            SyntaxContext::NoticeHeader => "notice header",
            SyntaxContext::Document => "document",
        }
    }
}

// ───────────────────────────── persons and posts ─────────────────────────────

/// A person as named: 「王军（黑龙江）」 = name 王军 + disambiguator 黑龙江.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub span: Span,
    pub name: Text,
    pub disambiguator: Option<Text>,
}

/// A post as printed. Its structure (institution + title) is resolved by the domain stage.
#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub span: Span,
    pub text: String,
}

// ───────────────────────────── personnel lists ─────────────────────────────

/// 任免名单: sections by legal action, each a list of entries.
#[derive(Debug, Clone, Serialize)]
pub struct PersonnelList {
    pub sections: Vec<Section>,
}

/// 「一、决定任命」 and its entries. A list in verb-first style has one section without heading.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub span: Span,
    pub heading: Option<SectionHeading>,
    pub entries: Vec<Entry>,
    /// Lines of the section that are not readable entries (each also a GZ003), kept so that
    /// rules know where in the section they stand.
    pub unreadable: Vec<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionHeading {
    pub span: Span,
    /// 一、 → 1; absent in the 1958 style 「任命：」.
    pub numeral: Option<Number>,
    /// The span of the numeral with its separator 「一、」.
    pub numeral_span: Option<Span>,
    pub action: Action,
    pub action_text: Text,
}

/// The legal action of a section or of a verb-first entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 决定任命
    DecideAppoint,
    /// 任命
    Appoint,
    /// 批准任命
    ApproveAppoint,
    /// 决定免去
    DecideRemove,
    /// 免去
    Remove,
    /// 批准免去
    ApproveRemove,
    /// 批准 (…辞去…职务)
    ApproveResignation,
    /// 撤销
    Revoke,
    /// 决定撤销
    DecideRevoke,
    /// 决定代理 / 决定 (X为…代理…)
    DecideActing,
    /// 接受辞职
    AcceptResignation,
    /// 任免 (a mixed heading)
    AppointAndRemove,
}

impl Action {
    pub fn from_words(s: &str) -> Option<Action> {
        Some(match s {
            "决定任命" => Action::DecideAppoint,
            "任命" => Action::Appoint,
            "批准任命" => Action::ApproveAppoint,
            "决定免去" => Action::DecideRemove,
            "免去" => Action::Remove,
            "批准免去" => Action::ApproveRemove,
            "批准" | "批准辞职" => Action::ApproveResignation,
            "撤销" => Action::Revoke,
            "决定撤销" => Action::DecideRevoke,
            "决定代理" | "决定" | "代理" => Action::DecideActing,
            "接受辞职" | "决定接受辞职" => Action::AcceptResignation,
            "任免" | "决定任免" => Action::AppointAndRemove,
            _ => return None,
        })
    }

    /// The canonical wording in a section heading.
    pub fn words(self) -> &'static str {
        match self {
            Action::DecideAppoint => "决定任命",
            Action::Appoint => "任命",
            Action::ApproveAppoint => "批准任命",
            Action::DecideRemove => "决定免去",
            Action::Remove => "免去",
            Action::ApproveRemove => "批准免去",
            Action::ApproveResignation => "批准",
            Action::Revoke => "撤销",
            Action::DecideRevoke => "决定撤销",
            Action::DecideActing => "决定代理",
            Action::AcceptResignation => "接受辞职",
            Action::AppointAndRemove => "任免",
        }
    }

    /// Whether entries under this action take a post away (removal wording 「X的…职务」).
    pub fn is_removal(self) -> bool {
        matches!(
            self,
            Action::DecideRemove
                | Action::Remove
                | Action::ApproveRemove
                | Action::Revoke
                | Action::DecideRevoke
        )
    }
}

/// One line of a personnel list, up to its 「；」 or 「。」.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub span: Span,
    /// Usually one; verb-first lists join several with 「、」 (免去X的…职务、任命Y为…).
    pub items: Vec<EntryItem>,
    /// 「；」, 「。」 or whatever closes the entry; `None` when nothing does.
    pub terminator: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryItem {
    pub span: Span,
    /// A verb in front of the names (免去, 任命, 决定 …), in lists without section headings.
    pub verb: Option<Text>,
    /// The action the verb names (the profile's words, [`Action::from_words`]); `None` without a
    /// verb or for 「决定」 alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    pub persons: Vec<Person>,
    pub form: EntryForm,
    /// The span of the word that links names and posts: 为, 的, 辞去, 兼, 现任.
    pub link: Span,
    pub posts: Vec<Post>,
    /// The closing 「职务」, when printed.
    pub duty_word: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryForm {
    /// 「A为P」
    Appointment,
    /// 「A的P职务」
    Removal,
    /// 「A辞去P职务」
    Resignation,
    /// 「A兼P」 (1958 style)
    Concurrent,
    /// 「A现任P职务」 (1958 style)
    Current,
}

// ───────────────────────────── decisions ─────────────────────────────

/// 关于…的决定 / 决议.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The issuer printed above the title (「重庆市人民代表大会常务委员会」).
    pub issuer_line: Option<Text>,
    pub title: Option<DecisionTitle>,
    pub paragraphs: Vec<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionTitle {
    pub span: Span,
    /// The matter between 关于 and 的决定.
    pub matter: Text,
    pub kind: DecisionKind,
    /// What the matter decides, when it moves one person in or out of one post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<TitleMove>,
}

/// The move a personnel decision's title names: 「接受张国智同志辞去重庆市人民政府副市长职务」.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleMove {
    pub action: TitleAction,
    /// The name, without 同志.
    pub person: Text,
    pub post: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleAction {
    /// 接受…辞去…职务
    AcceptResignation,
    /// 免去…的…职务
    Dismissal,
    /// 撤销…的…职务
    Revocation,
    /// 任命…为…
    Appointment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// 决定
    Decision,
    /// 决议
    Resolution,
}

// ───────────────────────────── qualification notices ─────────────────────────────

#[derive(Debug, Clone, Serialize)]
pub struct QualificationBody {
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of clauses. A paragraph broken by print layout (a line or page break in the
/// middle of a sentence) is read as one; `breaks` records where (GZ004).
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub clauses: Vec<Clause>,
    pub breaks: Vec<Span>,
}

/// One fact, with the legal basis or time marker that leads it.
#[derive(Debug, Clone, Serialize)]
pub struct Clause {
    pub span: Span,
    /// 「依照代表法的有关规定」
    pub legal_basis: Option<LegalBasis>,
    /// 「截至目前」「现在」「最近」「因工作变动」
    pub time_marker: Option<Text>,
    /// `None` when the clause is only a basis or marker standing alone before a comma.
    pub fact: Option<Fact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegalBasis {
    pub span: Span,
    /// The laws named: 「代表法」, 「《中华人民共和国…代表法》」; empty for 「依照法律规定」.
    pub laws: Vec<Text>,
}

/// A deputy designated with the unit that elected them:
/// 「大渡口区人民代表大会选出的重庆市第六届人民代表大会代表张国智」.
#[derive(Debug, Clone, Serialize)]
pub struct DeputyRef {
    pub span: Span,
    pub unit: Option<Text>,
    pub congress: Option<Congress>,
    pub person: Person,
}

#[derive(Debug, Clone, Serialize)]
pub struct ElectionItem {
    pub span: Span,
    pub actor: Option<Text>,
    pub verb: Text,
    pub persons: Vec<Person>,
}

/// A holder and the posts they lose: 「万相兰的…常务委员会委员、…副主任委员职务」.
#[derive(Debug, Clone, Serialize)]
pub struct Holding {
    pub span: Span,
    /// Empty when the holder is a pronoun (「其」).
    pub holders: Vec<Person>,
    pub pronoun: Option<Text>,
    pub posts: Vec<Post>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsequenceKind {
    /// 相应终止
    Ended,
    /// 相应撤销
    Revoked,
}

/// An event that ends a mandate, as the grammar names it (`resigned_event`, `died_event` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndingEvent {
    Resigned,
    Died,
    Transferred,
    Recalled,
}

/// What a deputy-qualification clause states.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fact {
    /// 补选/选举 …为…代表
    Election {
        items: Vec<ElectionItem>,
        congress: Congress,
    },
    /// 递补…为…代表
    Substitution {
        actor: Option<Text>,
        persons: Vec<Person>,
        congress: Congress,
    },
    /// 同意代表资格审查委员会的审查报告
    Review { meeting: Option<Meeting> },
    /// 确认…的代表资格有效
    Confirmation {
        persons: Vec<Person>,
        count: Option<Number>,
        congress: Option<Congress>,
    },
    /// 接受…辞去…代表职务
    Resignation {
        actor: Option<Text>,
        persons: Vec<Person>,
        pronoun: Option<Text>,
        congress: Option<Congress>,
        /// 被责令辞去
        ordered: bool,
    },
    /// 罢免…的…代表职务
    Recall {
        actor: Option<Text>,
        persons: Vec<Person>,
        pronoun: Option<Text>,
        congress: Option<Congress>,
    },
    /// …调离/迁出…
    Transfer {
        deputies: Vec<DeputyRef>,
        destination: Text,
    },
    /// …因病去世 / 逝世 / 遇害
    Death {
        deputies: Vec<DeputyRef>,
        verb: Text,
    },
    /// …于…突发心脏病 (the cause before 「经抢救无效逝世」)
    Illness { deputies: Vec<DeputyRef> },
    /// 对…代表的去世表示哀悼
    Mourning { persons: Vec<Person> },
    /// …的…代表资格终止 / 自行终止 / 自然终止
    Termination {
        persons: Vec<Person>,
        pronoun: Option<Text>,
        /// 「等7人」
        count: Option<Number>,
        congress: Option<Congress>,
        /// 自行 / 自然
        mode: Option<Text>,
    },
    /// …职务相应终止 / 相应撤销
    ConsequentialLoss {
        holdings: Vec<Holding>,
        consequence: ConsequenceKind,
        consequence_span: Span,
    },
    /// …实有代表846人
    SeatedTotal {
        congress: Option<Congress>,
        /// 实有 / 现有 / 现实有
        word: Text,
        count: Number,
        /// 人 / 名
        unit: Text,
    },
    /// 尚缺5名 / 缺额2名 / 机动1名 / 出缺1名
    Vacancy { word: Text, count: Number },
    /// 代表名额为774名
    Quota {
        congress: Option<Congress>,
        count: Number,
    },
    /// …第十八次会议时实有代表361名 (the count may come in the next clause)
    Baseline {
        meeting: Meeting,
        count: Option<Number>,
    },
    /// 辞去代表职务的代表1名 (count first, names after 「即」)
    CountFirst {
        event: Text,
        kind: EndingEvent,
        count: Number,
    },
    /// 即麦积区选举的杜田海
    Enumeration { deputies: Vec<DeputyRef> },
    /// 工作关系已不在本行政区域内
    Explanation { text: Text },
    /// 长沙陈润生（调离），衡阳李江（辞职） — deputies listed by unit with the reason.
    ListedDeputies {
        deputies: Vec<DeputyRef>,
        /// The reason in each deputy's parentheses, as the grammar names it (`None`: other
        /// words, such as 「女」 alone).
        reasons: Vec<Option<EndingEvent>>,
    },
    /// 有关选举单位依法补选了5名市人大代表
    CountedElection {
        actor: Option<Text>,
        count: Number,
        congress: Congress,
    },
    /// 东丰县补选3名（孙弘、韩阳、王树仁）
    ElectionBreakdown {
        unit: Text,
        count: Number,
        persons: Vec<Person>,
    },
    /// 由各省、自治区、直辖市……等35个选举单位分别选举产生
    GeneralElection { text: Text },
    /// 共选出第十一届全国人民代表大会代表2987名
    ElectedCount { congress: Congress, count: Number },
    /// 中华人民共和国第十一届全国人民代表大会代表 (the topic of the sentence that follows)
    Topic { congress: Congress },
    /// 广东省第十三届人民代表大会代表、…常务委员会委员宋海涛同志 (the subject of what follows)
    Designated { deputies: Vec<DeputyRef> },
    /// 因涉嫌…被逮捕 / 被判处有期徒刑三年 (a suspension ground, not a termination one)
    Detention {
        deputies: Vec<DeputyRef>,
        text: Text,
        /// 「并处剥夺政治权利二年」 in the same clause: the sentence ends the mandate.
        #[serde(skip_serializing_if = "Option::is_none")]
        deprived: Option<Text>,
    },
    /// 向…提出辞去…代表职务的请求: a request to resign, accepted (or not) in a later sentence;
    /// no mandate ends here.
    Request {
        deputies: Vec<DeputyRef>,
        text: Text,
    },
    /// 其代表职务暂停执行: the mandate suspended, not ended (no count changes).
    Suspension {
        persons: Vec<Person>,
        pronoun: Option<Text>,
    },
    /// 并处剥夺政治权利二年 (a termination ground)
    Deprivation { text: Text },
    /// 在代表出缺的…第6选区、…第81选区各补选…代表1名
    ByElectionCall {
        districts: Vec<Text>,
        /// 各补选…N名: the seats filled in each district.
        each: Number,
        congress: Congress,
    },
    /// 共计5名
    CountSum { count: Number },
    /// 选举日期定于2018年11月16日
    ElectionDate { date: Date },
}
