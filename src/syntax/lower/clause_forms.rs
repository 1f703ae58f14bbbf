//! One clause read form by form, with the forms that cannot match skipped.
//!
//! `clause_core` is an ordered choice of 32 forms, and most of them begin with the names of
//! deputies (`deputy_subject?`, `person_list`): pest reads the same names again for each form
//! it tries, and a clause that is the fifteenth form (「…调离重庆市」) pays for fourteen readings
//! that fail, about half of a check's instructions. Each form has fixed words without which it
//! cannot match (a transfer has 调离, 迁出 or 离开; a termination 终止): where none of them
//! stands anywhere in the text ahead, the form would fail, so it is not tried. The forms that
//! are left are tried in the grammar's order, each by its own root (`*_form`), and the first
//! that matches is the one `clause_core` would have chosen: the same pairs, fewer attempts.
//!
//! Each form's root takes its form as optional: a form that does not match is an empty
//! success, not a failed parse, for which pest would build an error no one reads.
//!
//! Only success is read this way. Where no form and no opener reads, or the clause does not
//! end at a separator, the lowering parses the clause again with `Rule::clause_item_root`,
//! whose error (the position GZ003 reports) is the grammar's own. tests/fast_mode.rs compares
//! this reading with the grammar's on every clause start of the examples, the real forms and
//! generated pages; tests/grammar_depth.rs holds [`FORMS`] to `clause_core`'s alternatives.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::*;

/// Declares the fixed words once: the enum, every word in its order (a word's index is its
/// discriminant) and each word's text.
macro_rules! words {
    ($($word:ident => $text:literal,)*) => {
        /// The fixed words the forms' conditions ask for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Word {
            $($word,)*
        }

        const WORDS: &[Word] = &[$(Word::$word,)*];

        impl Word {
            fn text(self) -> &'static str {
                match self {
                    $(Word::$word => $text,)*
                }
            }
        }
    };
}

words! {
    De => "的",
    Ren => "人",
    Ming => "名",
    ShiYou => "实有",
    XianYou => "现有",
    XiangYing => "相应",
    ZhongZhi => "终止",
    YouXiao => "有效",
    DaiBiaoZiGe => "代表资格",
    ZiGeShenCha => "代表资格审查委员会",
    BuXuan => "补选",
    XuanJu => "选举",
    XuanChu => "选出",
    DiBu => "递补",
    JieShou => "接受",
    TongYi => "同意",
    ZeLingCiQu => "被责令辞去",
    TiChu => "提出",
    BaMian => "罢免",
    QuShi => "去世",
    ShiShi => "逝世",
    YuHai => "遇害",
    BingGu => "病故",
    Huan => "患",
    TuFa => "突发",
    AiDao => "哀悼",
    DiaoLi => "调离",
    QianChu => "迁出",
    LiKai => "离开",
    FullParen => "（",
    HalfParen => "(",
    RenDa => "人大",
    RenMinDaiBiaoDaHui => "人民代表大会",
    ShangQue => "尚缺",
    QueE => "缺额",
    JiDong => "机动",
    ChuQue => "出缺",
    MingE => "名额",
    DaiBiaoYingWei => "代表应为",
    YingYouDaiBiao => "应有代表",
    CiHuiYi => "次会议",
    BoDuo => "剥夺政治权利",
    XingShiJuLiu => "刑事拘留",
    DaiBu => "逮捕",
    JiYa => "羁押",
    PanChu => "判处",
    LiuZhi => "留置",
    ZanTing => "暂停",
    BuZaiBenQuYu => "不在本行政区域内",
    YiLai => "以来",
}

// A noncontiguous NFA, not the DFA the builder picks for so few words: the DFA took 2.4 M
// instructions to build, 8 % of checking the seed page, and searches a paragraph no faster
// that the whole check shows it. The contiguous NFA is built from this one (120,000
// instructions more, 0.6 % of the seed page) and searched no faster either (200 pages: the
// same count to 0.01 %).
static WORD_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(WORDS.iter().map(|w| w.text()))
        .expect("fixed words build an automaton")
});

/// A substring searcher for each word, built once: `memmem::find` builds one on every call,
/// and `in_clause` asked 21,000 times on 200 pages (13 M instructions of building).
static WORD_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    WORDS
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.text()))
        .collect()
});

/// Where each word last begins in a paragraph: whether it stands ahead of a position is then
/// one comparison, however many clauses the paragraph holds.
pub(super) struct WordsAhead {
    last: [Option<usize>; WORDS.len()],
}

impl WordsAhead {
    pub(super) fn new(text: &str) -> WordsAhead {
        let mut last = [None; WORDS.len()];
        for m in WORD_SEARCH.find_overlapping_iter(text) {
            let slot = &mut last[m.pattern().as_usize()];
            *slot = Some(slot.map_or(m.start(), |s: usize| s.max(m.start())));
        }
        WordsAhead { last }
    }
}

/// The text a form would be tried on: from `pos` to the end of the paragraph.
struct Ahead<'a> {
    rest: &'a str,
    pos: usize,
    words: &'a WordsAhead,
    /// `rest` up to its first clause separator outside parentheses (see [`bounded`]).
    bounded: &'a str,
}

/// `rest` up to its first clause separator outside parentheses. The forms that read no
/// separator except inside a person's parenthesis (「王蓉蓉（北京，女）」: `disambiguator`, an open
/// bracket, then anything but a closing one) end before it: inside such a parenthesis the count
/// of brackets open is at least one, whatever came before it in the form (names, congresses and
/// units hold no brackets). Quotation marks are not counted: a parenthesis may hold one.
fn bounded(rest: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth <= 0 && CLAUSE_SEPARATORS.contains(&c) => return &rest[..i],
            _ => {}
        }
    }
    rest
}

impl<'a> Ahead<'a> {
    fn new(text: &'a str, pos: usize, words: &'a WordsAhead) -> Ahead<'a> {
        let rest = &text[pos..];
        Ahead {
            rest,
            pos,
            words,
            bounded: bounded(rest),
        }
    }

    fn has(&self, w: Word) -> bool {
        self.words.last[w as usize].is_some_and(|start| start >= self.pos)
    }

    /// Whether one of `words` stands before the clause's first separator outside parentheses:
    /// the condition of a form that reads no separator but inside a person's parenthesis.
    fn in_clause(&self, words: &[Word]) -> bool {
        words.iter().any(|&w| {
            WORD_FINDERS[w as usize]
                .find(self.bounded.as_bytes())
                .is_some()
        })
    }

    fn any(&self, words: &[Word]) -> bool {
        words.iter().any(|&w| self.has(w))
    }

    fn starts(&self, chars: &[char]) -> bool {
        self.rest.starts_with(chars)
    }
}

/// A form of `clause_core`: the fact it reads, its root, and a condition every text it
/// matches meets (a necessary condition, read off the form's rule in grammar/notice.pest).
pub(super) struct Form {
    pub(super) fact: Rule,
    root: Rule,
    may_match: fn(&Ahead) -> bool,
}

use Word::*;

const ELECT_VERB: &[Word] = &[BuXuan, XuanJu];
const PAREN: &[Word] = &[FullParen, HalfParen];

/// The forms in the order of `clause_core`. A condition asks for its words `in_clause` only
/// for a form whose rule, read through, holds no clause separator but inside a person's
/// parenthesis (termination, confirmation, review, seated_total, transfer, counted_election,
/// designation_only, vacancy, baseline: names, congresses, meetings, units, places, counts);
/// the others (a consequential loss is holdings joined by commas, an election may say
/// 「以无记名投票的方式，」 before its verb) ask for them anywhere ahead.
pub(super) const FORMS: [Form; 32] = [
    Form {
        // count_event (辞…, (因病|不幸)?逝世…, (因工作变动)?调离/迁出, 被?罢免) ~ 的 ~ … ~ 人/名
        fact: Rule::count_first,
        root: Rule::count_first_form,
        may_match: |a| {
            a.starts(&[
                '辞', '因', '不', '逝', '去', '病', '遇', '调', '迁', '被', '罢',
            ]) && a.has(De)
                && a.any(&[Ren, Ming])
        },
    },
    Form {
        fact: Rule::seated_total,
        root: Rule::seated_total_form,
        may_match: |a| a.in_clause(&[ShiYou, XianYou]),
    },
    Form {
        fact: Rule::consequential_loss,
        root: Rule::consequential_loss_form,
        may_match: |a| a.has(XiangYing),
    },
    Form {
        fact: Rule::termination,
        root: Rule::termination_form,
        may_match: |a| a.in_clause(&[ZhongZhi]),
    },
    Form {
        fact: Rule::confirmation,
        root: Rule::confirmation_form,
        may_match: |a| a.in_clause(&[DaiBiaoZiGe]) && a.in_clause(&[YouXiao]),
    },
    Form {
        fact: Rule::review,
        root: Rule::review_form,
        may_match: |a| a.in_clause(&[ZiGeShenCha]),
    },
    Form {
        fact: Rule::election,
        root: Rule::election_form,
        may_match: |a| a.any(ELECT_VERB),
    },
    Form {
        fact: Rule::substitution,
        root: Rule::substitution_form,
        may_match: |a| a.has(DiBu),
    },
    Form {
        // a petition ends 「…被接受」; the other forms say 被责令辞去, 接受 or 同意
        fact: Rule::resignation,
        root: Rule::resignation_form,
        may_match: |a| a.any(&[JieShou, TongYi, ZeLingCiQu]),
    },
    Form {
        fact: Rule::request,
        root: Rule::request_form,
        may_match: |a| a.has(TiChu),
    },
    Form {
        fact: Rule::recall,
        root: Rule::recall_form,
        may_match: |a| a.has(BaMian),
    },
    Form {
        fact: Rule::death,
        root: Rule::death_form,
        may_match: |a| a.any(&[QuShi, ShiShi, YuHai, BingGu]),
    },
    Form {
        // 突发, 因患, 患
        fact: Rule::illness,
        root: Rule::illness_form,
        may_match: |a| a.any(&[Huan, TuFa]),
    },
    Form {
        fact: Rule::mourning,
        root: Rule::mourning_form,
        may_match: |a| a.has(AiDao),
    },
    Form {
        // 调离, 迁出, 转业离开, 离开
        fact: Rule::transfer,
        root: Rule::transfer_form,
        may_match: |a| a.in_clause(&[DiaoLi, QianChu, LiKai]),
    },
    Form {
        fact: Rule::enumeration,
        root: Rule::enumeration_form,
        may_match: |a| a.starts(&['即']),
    },
    Form {
        fact: Rule::listed_deputy,
        root: Rule::listed_deputy_form,
        may_match: |a| a.any(PAREN),
    },
    Form {
        fact: Rule::counted_election,
        root: Rule::counted_election_form,
        may_match: |a| a.in_clause(ELECT_VERB),
    },
    Form {
        fact: Rule::election_breakdown,
        root: Rule::election_breakdown_form,
        may_match: |a| a.any(ELECT_VERB) && a.any(PAREN),
    },
    Form {
        // 由…选举产生
        fact: Rule::general_election,
        root: Rule::general_election_form,
        may_match: |a| a.starts(&['由']) && a.has(XuanJu),
    },
    Form {
        fact: Rule::elected_count,
        root: Rule::elected_count_form,
        may_match: |a| a.has(XuanChu),
    },
    Form {
        // a designation holds a congress (人大, 人民代表大会); an electing verb is 选举产生的,
        // 选出的 or 选举的
        fact: Rule::designation_only,
        root: Rule::designation_only_form,
        may_match: |a| a.in_clause(&[RenDa, RenMinDaiBiaoDaHui, XuanJu, XuanChu]),
    },
    Form {
        fact: Rule::vacancy,
        root: Rule::vacancy_form,
        may_match: |a| a.in_clause(&[ShangQue, QueE, JiDong, ChuQue]),
    },
    Form {
        // 代表名额(为), 代表总名额为, 代表应为, 应有代表
        fact: Rule::quota,
        root: Rule::quota_form,
        may_match: |a| a.any(&[MingE, DaiBiaoYingWei, YingYouDaiBiao]),
    },
    Form {
        fact: Rule::baseline,
        root: Rule::baseline_form,
        may_match: |a| a.in_clause(&[CiHuiYi]),
    },
    Form {
        fact: Rule::deprivation,
        root: Rule::deprivation_form,
        may_match: |a| a.has(BoDuo),
    },
    Form {
        // detention_word is required
        fact: Rule::detention,
        root: Rule::detention_form,
        may_match: |a| a.any(&[XingShiJuLiu, DaiBu, JiYa, PanChu, LiuZhi]),
    },
    Form {
        fact: Rule::suspension,
        root: Rule::suspension_form,
        may_match: |a| a.has(ZanTing),
    },
    Form {
        fact: Rule::explanation,
        root: Rule::explanation_form,
        may_match: |a| a.has(BuZaiBenQuYu),
    },
    Form {
        fact: Rule::by_election_call,
        root: Rule::by_election_call_form,
        may_match: |a| a.starts(&['在']) && a.has(BuXuan),
    },
    Form {
        fact: Rule::count_sum,
        root: Rule::count_sum_form,
        may_match: |a| {
            ["共计", "合计", "总计"]
                .iter()
                .any(|w| a.rest.starts_with(w))
        },
    },
    Form {
        fact: Rule::election_date,
        root: Rule::election_date_form,
        may_match: |a| a.rest.starts_with("选举日期"),
    },
];

/// Whether a clause opener (`clause_prefix`) may begin `a`: a legal basis (已?依照/根据/按照/
/// 依据), a time marker (截至, 截止, 现在, 目前, 最近, 此后, 其中, 根据工作需要, 因…, a year, a
/// meeting followed by 以来), 经… or 根据…的决定.
fn prefix_may_match(a: &Ahead) -> bool {
    a.starts(&[
        '已', '依', '根', '按', '截', '现', '目', '最', '此', '其', '因', '经',
    ]) || a.rest.starts_with(|c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇零一二两三四五六七八九十百千廿".contains(c)
    }) || a.has(YiLai)
}

/// A clause as read: its openers and its fact, each with the offset (from the start of the
/// text read) of the slice it was parsed from.
pub(super) struct ClauseRead<'i> {
    pub(super) prefixes: Vec<(usize, P<'i>)>,
    pub(super) fact: Option<(usize, P<'i>)>,
    /// The end of the clause, its separator left out.
    pub(super) end: usize,
    /// The end of what the clause consumed, its separator included.
    pub(super) consumed: usize,
}

impl<'i> ClauseRead<'i> {
    /// The reading of a successful `Rule::clause_item_root` (or its fast twin).
    pub(super) fn from_root(root: &P<'i>) -> Option<ClauseRead<'i>> {
        let clause = child(root, Rule::clause)?;
        Some(ClauseRead {
            prefixes: find_all(&clause, Rule::clause_prefix)
                .into_iter()
                .map(|p| (0, p))
                .collect(),
            fact: child(&clause, Rule::clause_core)
                .and_then(|core| core.into_inner().next())
                .map(|f| (0, f)),
            end: clause.as_span().end(),
            consumed: root.as_span().end(),
        })
    }
}

/// The first form of `clause_core` that matches `text[pos..]`, as `clause_core` chooses it.
fn first_fact<'i>(text: &'i str, ahead: &Ahead) -> Option<P<'i>> {
    let rest = &text[ahead.pos..];
    FORMS
        .iter()
        .filter(|form| (form.may_match)(ahead))
        .find_map(|form| NoticeParser::parse(form.root, rest).ok()?.next())
}

/// The clause at `text[pos..]` read form by form (`Rule::clause_item_root`'s reading when that
/// succeeds); `None` where the grammar must be asked (the clause may not read).
pub(super) fn read_clause<'i>(
    text: &'i str,
    pos: usize,
    words: &WordsAhead,
) -> Option<ClauseRead<'i>> {
    let mut prefixes = Vec::new();
    // The text ahead (and the clause's bound in it) is found once for the fact and the openers.
    let ahead = Ahead::new(text, pos, words);
    let fact = match first_fact(text, &ahead) {
        Some(f) => Some((0, f)),
        None => {
            if !prefix_may_match(&ahead) {
                return None;
            }
            // clause_prefix+ ~ clause_core?
            let mut at = pos;
            while let Some(p) = NoticeParser::parse(Rule::clause_prefix_form, &text[at..])
                .ok()
                .and_then(|mut pairs| pairs.next())
            {
                let len = p.as_span().end();
                if len == 0 {
                    return None;
                }
                prefixes.push((at - pos, p));
                at += len;
            }
            if prefixes.is_empty() {
                return None;
            }
            first_fact(text, &Ahead::new(text, at, words)).map(|f| (at - pos, f))
        }
    };
    let end = match (&fact, prefixes.last()) {
        (Some((off, f)), _) => off + f.as_span().end(),
        (None, Some((off, p))) => off + p.as_span().end(),
        (None, None) => return None,
    };
    // (clause_sep | &EOI)
    let after = &text[pos + end..];
    let sep = if after.is_empty() {
        0
    } else {
        let c = after.chars().next()?;
        if !CLAUSE_SEPARATORS.contains(&c) {
            return None;
        }
        c.len_utf8()
    };
    Some(ClauseRead {
        prefixes,
        fact,
        end,
        consumed: end + sep,
    })
}

/// The reading of [`read_clause`], or where it gives none, of the grammar's clause root; the
/// grammar's error where the clause does not read.
pub(super) fn read_clause_or_parse<'i>(
    text: &'i str,
    pos: usize,
    words: &WordsAhead,
) -> Result<Option<ClauseRead<'i>>, pest::error::Error<Rule>> {
    if let Some(read) = read_clause(text, pos, words) {
        return Ok(Some(read));
    }
    // The exact root at once: where no form reads, the clause almost always fails, and its
    // error is the exact root's; where it reads, its pairs are the fast root's.
    let mut pairs = NoticeParser::parse(Rule::clause_item_root, &text[pos..])?;
    Ok(pairs.next().and_then(|root| ClauseRead::from_root(&root)))
}

/// A clause's reading flattened: every pair as (rule, start, end), the clause's end, and the
/// length it consumed.
pub type FlatClause = (Vec<(Rule, usize, usize)>, usize, usize);

/// Every pair of a clause's reading as (rule, start, end) from the start of the text read, and
/// the clause's end and consumed length: for tests/fast_mode.rs, which compares the reading
/// form by form (`forms`) with the grammar's.
#[doc(hidden)]
pub fn clause_reading(text: &str, forms: bool) -> Option<FlatClause> {
    let read = if forms {
        read_clause(text, 0, &WordsAhead::new(text))?
    } else {
        let root = NoticeParser::parse(Rule::clause_item_root, text)
            .ok()?
            .next()?;
        ClauseRead::from_root(&root)?
    };
    let mut out = Vec::new();
    for (off, p) in read.prefixes.iter().chain(read.fact.iter()) {
        out.push((
            p.as_rule(),
            off + p.as_span().start(),
            off + p.as_span().end(),
        ));
        for q in p.clone().into_inner().flatten() {
            out.push((
                q.as_rule(),
                off + q.as_span().start(),
                off + q.as_span().end(),
            ));
        }
    }
    Some((out, read.end, read.consumed))
}

/// The facts of [`FORMS`], in order, with the names of their roots: for tests/grammar_depth.rs.
#[doc(hidden)]
pub fn clause_form_rules() -> Vec<(Rule, Rule)> {
    FORMS.iter().map(|f| (f.fact, f.root)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_sits_at_its_index() {
        for (i, w) in WORDS.iter().enumerate() {
            assert_eq!(*w as usize, i, "{w:?}");
        }
    }

    #[test]
    fn a_clause_is_bounded_at_its_first_separator_outside_parentheses() {
        assert_eq!(
            bounded("王蓉蓉（北京，女）的代表资格终止，其"),
            "王蓉蓉（北京，女）的代表资格终止"
        );
        assert_eq!(bounded("王蓉蓉（北京“，女）的，"), "王蓉蓉（北京“，女）的");
        assert_eq!(bounded("张三）李四，王五"), "张三）李四");
        assert_eq!(bounded("张三（李四，王五"), "张三（李四，王五");
        assert_eq!(bounded("调离重庆市"), "调离重庆市");
    }

    #[test]
    fn words_ahead_are_found_after_a_position_only() {
        let text = "张国智调离重庆市，其代表资格终止";
        let words = WordsAhead::new(text);
        let at = |pos| Ahead::new(text, pos, &words);
        let comma = text.find('，').unwrap();
        assert!(at(0).has(DiaoLi) && at(0).has(ZhongZhi) && at(0).has(DaiBiaoZiGe));
        assert!(!at(comma).has(DiaoLi) && at(comma).has(ZhongZhi));
        assert!(!at(0).has(BaMian));
        // Overlapping words are all seen: 代表资格 inside 代表资格审查委员会.
        let words = WordsAhead::new("代表资格审查委员会");
        assert!(words.last[DaiBiaoZiGe as usize] == Some(0));
        assert!(words.last[ZiGeShenCha as usize] == Some(0));
    }
}
