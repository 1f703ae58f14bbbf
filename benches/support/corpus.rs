//! A deterministic corpus of gazette pages for the benchmarks, made by varying the real
//! examples: the seed page `examples/chongqing-2024-11-28.md` and `examples/variants/*.md`.
//!
//! Each template is parsed once with the library; the generator then knows, by span, where
//! the names, notice numbers and personnel-list sections are, and rewrites only those:
//!
//! - every person named in a template gets a new name, the same one everywhere in the
//!   template (so restated names and 相应终止 clauses still agree); names are drawn from a
//!   pool of surnames and given-name characters that includes Extension-B characters
//!   (𠇔 𠀀 𪚥 𠮷);
//! - notice numbers (第N号, 第二十一号) get a new value in the same numeral style;
//! - every section of a personnel list gets between 1 and 2n+1 entries, drawn from the
//!   section's own entries, each with new names and, one time in three, the posts of another
//!   entry of a list from the same kind of issuer (posts of the four 直辖市 are swapped among
//!   them with the region rewritten; other lists keep their own posts);
//! - about one page in five is rendered as plain text (heading marks `#` removed), as the
//!   plain copy of the seed page is.
//!
//! A page is either the varied seed page (one in four) or one or two news articles from the
//! seed page followed by two to six varied variant files. Nothing is random beyond the seed
//! given to [`pages`] / [`single_file`]: the same seed gives the same bytes.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gazette::ast::{Block, Document, NoticeBody};
use gazette::syntax::numerals::NumeralStyle;
use gazette::syntax::parse_document;

/// xorshift64* (Vigna): small, fast, good enough to pick names and counts.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // Never zero; spread small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "沈",
    "欧阳", "司马", "诸葛", "上官",
];

/// Given-name characters. None of them is a word the grammar reads as following a name
/// (为 的 辞 已 被 于 等 和 兼 因 提 出 调 离 迁 去 逝 现 任 同 不 遇 害 …), so the names stay names.
const GIVEN: &[&str] = &[
    "国", "华", "明", "建", "军", "伟", "平", "红", "丽", "芳", "强", "杰", "勇", "敏", "静", "磊",
    "洋", "艳", "涛", "超", "秀", "英", "霞", "刚", "斌", "波", "辉", "玲", "鹏", "宇", "浩", "凯",
    "峰", "琳", "晓", "东", "海", "林", "春", "云", "新", "文", "志", "德", "兴", "荣", "立", "成",
    "永", "庆", "利", "清", "宏", "光", "安", "福", "学", "俊", "梅", "燕", "雪", "蕾", "婷", "晨",
    "瑞", "嘉", "怡", "欣", "泽", "佳", "彦", "蓉", "琴", "聪", "毅", "卫", "忠", "继", "守", "振",
];

/// Extension-B characters (outside the BMP: 4 bytes in UTF-8, 2 units in UTF-16).
const GIVEN_EXT_B: &[&str] = &["𠇔", "𠀀", "𪚥", "𠮷"];

fn random_name(rng: &mut Rng) -> String {
    let mut s = String::from(*rng.pick(SURNAMES));
    let given = if rng.chance(2, 5) { 1 } else { 2 };
    for _ in 0..given {
        let c: &str = if rng.chance(1, 25) {
            rng.pick::<&str>(GIVEN_EXT_B)
        } else {
            rng.pick::<&str>(GIVEN)
        };
        s.push_str(c);
    }
    s
}

/// 1..=99 in Chinese numerals, as notice numbers are printed (第二十一号).
fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        _ => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
    }
}

// ───────────────────────────── templates ─────────────────────────────

/// Where a post group (「…副院长、审判委员会委员、审判员」) may be swapped to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PostClass {
    /// 北京市, 天津市, 上海市, 重庆市: one profile; posts swapped with the region rewritten.
    Municipality,
    /// Any other issuer: only its own posts.
    Own(usize),
}

#[derive(Clone)]
enum Piece {
    /// Text kept as it is.
    Lit(String),
    /// A person's name: index into the template's names.
    Name(usize),
    /// A notice number's sequence.
    Number(NumeralStyle),
    /// A personnel-list section's entries.
    Section(SectionTpl),
}

#[derive(Clone)]
struct SectionTpl {
    entries: Vec<Vec<EntryPiece>>,
    /// Closes every entry but the last (「；」 plus what ends the line: `  ` in the seed).
    separator: String,
    /// Closes the last entry (「。」).
    last: String,
    class: PostClass,
    region: String,
}

#[derive(Clone)]
enum EntryPiece {
    Lit(String),
    Name,
    /// A post group, as printed.
    Posts(String),
}

struct Template {
    pieces: Vec<Piece>,
    names: usize,
}

/// The parsed templates and the pools drawn from.
pub struct Generator {
    seed_page: Template,
    variants: Vec<Template>,
    /// News articles of the seed page (opaque text), for filler.
    articles: Vec<String>,
    /// Post groups of the 直辖市 lists, with their region (北京市 …).
    municipal_posts: Vec<(String, String)>,
    /// Post groups of the other lists, by template.
    own_posts: Vec<Vec<String>>,
}

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The example text without its `<!-- variants: … -->` comment.
fn strip_comment(text: &str) -> String {
    text.lines()
        .filter(|l| !(l.starts_with("<!--") && l.trim_end().ends_with("-->")))
        .map(|l| format!("{l}\n"))
        .collect()
}

const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];

/// Collects the distinct person names in a serialised document (any object with a `name`
/// text and a `disambiguator` key is a `Person`).
fn collect_names(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(name), true) = (map.get("name"), map.contains_key("disambiguator")) {
                if let Some(t) = name.get("text").and_then(|t| t.as_str()) {
                    if !out.iter().any(|n| n == t) {
                        out.push(t.to_string());
                    }
                }
            }
            for x in map.values() {
                collect_names(x, out);
            }
        }
        serde_json::Value::Array(xs) => xs.iter().for_each(|x| collect_names(x, out)),
        _ => {}
    }
}

impl Template {
    fn analyse(
        text: &str,
        index: usize,
        municipal_posts: &mut Vec<(String, String)>,
        own_posts: &mut Vec<Vec<String>>,
    ) -> Template {
        let doc: Document = parse_document(text);
        let json = serde_json::to_value(&doc).expect("the AST serialises");
        let mut names = Vec::new();
        collect_names(&json, &mut names);
        // Longest first, so 王敏达 is not read as 王敏 + 达.
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        own_posts.push(Vec::new());

        // Spans that are rewritten structurally: (start, end, piece).
        let mut slots: Vec<(usize, usize, Piece)> = Vec::new();
        for block in &doc.blocks {
            let Block::Notice(notice) = block else {
                continue;
            };
            if let Some(seq) = notice.header.number.as_ref().and_then(|n| n.sequence) {
                slots.push((seq.span.start, seq.span.end, Piece::Number(seq.style)));
            }
            let NoticeBody::Personnel(list) = &notice.body else {
                continue;
            };
            let region = MUNICIPALITIES
                .iter()
                .find(|m| notice.issuer.starts_with(**m))
                .map(|m| m.to_string());
            let class = match region {
                Some(_) => PostClass::Municipality,
                None => PostClass::Own(index),
            };
            for section in &list.sections {
                let (Some(first), Some(last)) = (section.entries.first(), section.entries.last())
                else {
                    continue;
                };
                let mut entries = Vec::new();
                for entry in &section.entries {
                    let end = entry
                        .terminator
                        .as_ref()
                        .map_or(entry.span.end, |t| t.span.start);
                    // Name and post spans of the entry, in order.
                    let mut marks: Vec<(usize, usize, Option<String>)> = Vec::new();
                    for item in &entry.items {
                        for p in &item.persons {
                            marks.push((p.name.span.start, p.name.span.end, None));
                        }
                        if let (Some(a), Some(b)) = (item.posts.first(), item.posts.last()) {
                            let group = text[a.span.start..b.span.end].to_string();
                            match &region {
                                Some(r) => municipal_posts.push((r.clone(), group.clone())),
                                None => own_posts[index].push(group.clone()),
                            }
                            marks.push((a.span.start, b.span.end, Some(group)));
                        }
                    }
                    marks.sort_by_key(|m| m.0);
                    let mut pieces = Vec::new();
                    let mut at = entry.span.start;
                    for (s, e, post) in marks {
                        if s < at || e > end {
                            continue;
                        }
                        pieces.push(EntryPiece::Lit(text[at..s].to_string()));
                        pieces.push(match post {
                            Some(g) => EntryPiece::Posts(g),
                            None => EntryPiece::Name,
                        });
                        at = e;
                    }
                    pieces.push(EntryPiece::Lit(text[at..end].to_string()));
                    entries.push(pieces);
                }
                // What closes the first entry's line: 「；」 and trailing spaces.
                let sep_start = first
                    .terminator
                    .as_ref()
                    .map_or(first.span.end, |t| t.span.start);
                let line_end = text[sep_start..]
                    .find('\n')
                    .map_or(text.len(), |i| sep_start + i);
                let separator = if section.entries.len() > 1 {
                    text[sep_start..line_end].to_string()
                } else {
                    "；".to_string()
                };
                let last_end = last
                    .terminator
                    .as_ref()
                    .map_or(last.span.end, |t| t.span.end);
                let last_term = last
                    .terminator
                    .as_ref()
                    .map_or(String::new(), |t| t.text.clone());
                let last_term = if last_term == "；" || last_term == "，" {
                    "。".to_string()
                } else {
                    last_term
                };
                slots.push((
                    first.span.start,
                    last_end,
                    Piece::Section(SectionTpl {
                        entries,
                        separator,
                        last: last_term,
                        class,
                        region: region.clone().unwrap_or_default(),
                    }),
                ));
            }
        }
        slots.sort_by_key(|s| s.0);

        // Everything else: literal text with the names marked.
        let mut pieces = Vec::new();
        let mut at = 0;
        let push_text = |pieces: &mut Vec<Piece>, seg: &str| {
            let mut lit = String::new();
            let mut i = 0;
            'scan: while i < seg.len() {
                for (k, n) in names.iter().enumerate() {
                    if seg[i..].starts_with(n.as_str()) {
                        if !lit.is_empty() {
                            pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                        }
                        pieces.push(Piece::Name(k));
                        i += n.len();
                        continue 'scan;
                    }
                }
                let c = seg[i..].chars().next().unwrap();
                lit.push(c);
                i += c.len_utf8();
            }
            if !lit.is_empty() {
                pieces.push(Piece::Lit(lit));
            }
        };
        for (s, e, piece) in slots {
            if s < at {
                continue;
            }
            push_text(&mut pieces, &text[at..s]);
            pieces.push(piece);
            at = e;
        }
        push_text(&mut pieces, &text[at..]);
        Template {
            pieces,
            names: names.len(),
        }
    }
}

impl Generator {
    /// Reads and analyses the examples (a few milliseconds).
    pub fn new() -> Generator {
        let dir = examples_dir();
        let seed_text = std::fs::read_to_string(dir.join("chongqing-2024-11-28.md"))
            .expect("examples/chongqing-2024-11-28.md");
        let mut variant_paths: Vec<PathBuf> = std::fs::read_dir(dir.join("variants"))
            .expect("examples/variants")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "md")
                    && p.file_name().is_some_and(|n| n != "README.md")
            })
            .collect();
        variant_paths.sort();

        let mut municipal_posts = Vec::new();
        let mut own_posts = Vec::new();
        let seed_page = Template::analyse(&seed_text, 0, &mut municipal_posts, &mut own_posts);
        let variants = variant_paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = strip_comment(&std::fs::read_to_string(p).expect("variant"));
                Template::analyse(&text, i + 1, &mut municipal_posts, &mut own_posts)
            })
            .collect();

        // News articles: the seed page's text before its first notice, cut at its headings.
        let doc = parse_document(&seed_text);
        let first_notice = doc
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Notice(_)))
            .map_or(seed_text.len(), |b| b.span().start);
        let mut articles = Vec::new();
        let mut current = String::new();
        for line in seed_text[..first_notice].lines() {
            if line.starts_with("## ") && !current.trim().is_empty() {
                articles.push(std::mem::take(&mut current));
            }
            current.push_str(line);
            current.push('\n');
        }
        if !current.trim().is_empty() {
            articles.push(current);
        }

        Generator {
            seed_page,
            variants,
            articles,
            municipal_posts,
            own_posts,
        }
    }

    fn render(&self, t: &Template, rng: &mut Rng, out: &mut String) {
        let names: Vec<String> = (0..t.names).map(|_| random_name(rng)).collect();
        for piece in &t.pieces {
            match piece {
                Piece::Lit(s) => out.push_str(s),
                Piece::Name(k) => out.push_str(&names[*k]),
                Piece::Number(style) => {
                    let n = 1 + rng.below(99) as u32;
                    match style {
                        NumeralStyle::Arabic => write!(out, "{n}").unwrap(),
                        NumeralStyle::Chinese => out.push_str(&chinese(n)),
                    }
                }
                Piece::Section(s) => self.render_section(s, rng, out),
            }
        }
    }

    fn render_section(&self, s: &SectionTpl, rng: &mut Rng, out: &mut String) {
        let n = s.entries.len();
        let count = 1 + rng.below(2 * n + 1);
        for i in 0..count {
            let entry = rng.pick(&s.entries);
            let swap = rng.chance(1, 3);
            for p in entry {
                match p {
                    EntryPiece::Lit(x) => out.push_str(x),
                    EntryPiece::Name => out.push_str(&random_name(rng)),
                    EntryPiece::Posts(own) => {
                        let group = if !swap {
                            own.clone()
                        } else {
                            match s.class {
                                PostClass::Municipality => {
                                    let (region, g) = rng.pick(&self.municipal_posts);
                                    match g.strip_prefix(region.as_str()) {
                                        Some(rest) => format!("{}{rest}", s.region),
                                        // 「重庆两江新区人民法院」: keep it in its own city.
                                        None if *region == s.region => g.clone(),
                                        None => own.clone(),
                                    }
                                }
                                PostClass::Own(k) => rng.pick(&self.own_posts[k]).clone(),
                            }
                        };
                        out.push_str(&group);
                    }
                }
            }
            out.push_str(if i + 1 == count {
                &s.last
            } else {
                &s.separator
            });
            if i + 1 < count {
                out.push('\n');
            }
        }
    }

    /// One page: the varied seed page, or articles followed by varied variant notices; and
    /// whether it was rendered as plain text.
    pub fn page(&self, rng: &mut Rng) -> (String, bool) {
        let mut out = String::new();
        if rng.chance(1, 4) {
            self.render(&self.seed_page, rng, &mut out);
        } else {
            for _ in 0..1 + rng.below(2) {
                out.push_str(rng.pick(&self.articles).as_str());
                out.push('\n');
            }
            for _ in 0..2 + rng.below(5) {
                let t = rng.pick(&self.variants);
                self.render(t, rng, &mut out);
                out.push('\n');
            }
        }
        if rng.chance(1, 5) {
            (plain(&out), true)
        } else {
            (out, false)
        }
    }
}

impl Default for Generator {
    fn default() -> Self {
        Self::new()
    }
}

/// The page as plain text: heading marks removed (as `examples/chongqing-2024-11-28-plain.txt`).
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let stripped = line.trim_start_matches('#');
        if stripped.len() != line.len() {
            out.push_str(stripped.trim_start_matches(' '));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A generated page with the file name it is written under.
#[derive(Clone)]
pub struct Page {
    pub name: String,
    pub text: String,
    pub plain: bool,
}

/// `n` pages from `seed`; every fifth page or so is plain text (`.txt`).
pub fn pages(seed: u64, n: usize) -> Vec<Page> {
    let g = Generator::new();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let (text, is_plain) = g.page(&mut rng);
            Page {
                name: format!("page-{i:05}.{}", if is_plain { "txt" } else { "md" }),
                text,
                plain: is_plain,
            }
        })
        .collect()
}

/// One file of at least `bytes` bytes: pages from `seed` concatenated.
pub fn single_file(seed: u64, bytes: usize) -> String {
    let g = Generator::new();
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 64 * 1024);
    while out.len() < bytes {
        out.push_str(&g.page(&mut rng).0);
        out.push('\n');
    }
    out
}

/// Writes the pages into `dir` (created) and returns their paths.
pub fn write_pages(dir: &Path, pages: &[Page]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    pages
        .iter()
        .map(|p| {
            let path = dir.join(&p.name);
            std::fs::write(&path, &p.text)?;
            Ok(path)
        })
        .collect()
}
