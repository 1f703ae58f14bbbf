//! GZ201 deputy-total-mismatch.

use std::collections::BTreeMap;

use crate::ast::{Notice, Number, Span};
use crate::check::{normalise_body, Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::names::BodyName;
use crate::model::qualification::{Figure, QualificationModel};
use crate::roster::congress_of_issuer;

pub const RULE: RuleDef = RuleDef {
    code: "GZ201",
    name: "deputy-total-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "实有代表人数与增减不符 / the printed number of seated deputies does not add up",
    explanation: r#"## 检查什么 (What it does)
公告写出的每一个「实有代表N人/名」都按公告自身的增减核对：
- 起算数：公告写明的「…会议时实有代表N名」；没有时，用本次检查中同一届大会编号在前的上一份公告的实有数；
- 减去资格终止的人数（辞职、罢免、调离、去世……），加上确认资格有效的人数；
- 中间写出的实有数（「市八届人大现实有代表270名」）按顺序逐一核对，并作为下一段的起算数；
- 写明名额时，实有数加「尚缺／缺额／机动」应等于名额。
消息写出算式，如「752 − 7 + 1 = 746，而公告写作747」。没有起算数、或公告中有无法识别的条款时不下结论，
在 JSON 的 `notes` 和 `--explain-skipped` 中说明原因。

## 为什么 (Why)
实有代表人数是公告的结论，印错一个数就是一份错误的正式记录。法律没有规定这一行，但它是全国人大常委会和
各地的通行做法，而且可以验算（湖南：752 − 7 + 1 = 746）。

## 示例 (Example)
「省十二届人大常委会第二十八次会议时实有代表752名。……等7人的省十二届人大代表资格终止。……确认祁圣英的……
代表资格有效。……截至目前，……实有代表747名。」

## 应改为 (Use instead)
「……实有代表746名。」

## 依据 (References)
DOMAIN.md §2「Count line」；代表法（2025）第六十二条、（2015）第四十九条（终止的情形）。
"#,
    check: Check::Run(check),
};

/// Where the count before a notice comes from: the last notice of the series before it, or
/// the roster.
#[derive(Clone)]
struct Previous {
    /// The file of the previous notice; `None` for the roster.
    file: Option<usize>,
    total: Number,
    number: Option<u32>,
    /// 「第55号」 as printed, when numbered; for the roster, the congress's name.
    printed: Option<String>,
    path: String,
}

impl Previous {
    fn name_zh(&self, same_file: bool) -> String {
        if self.file.is_none() {
            return format!(
                "名册 {} 中{}",
                self.path,
                self.printed.clone().unwrap_or_default()
            );
        }
        let n = self.printed.clone().unwrap_or_else(|| "上一份".into());
        if same_file {
            format!("{n}公告")
        } else {
            format!("{} 中{n}公告", self.path)
        }
    }

    fn name_en(&self) -> String {
        match (self.file, self.number) {
            (None, _) => format!("the roster {}", self.path),
            (Some(_), Some(n)) => format!("notice {n}"),
            (Some(_), None) => "the previous notice".into(),
        }
    }
}

/// The count the roster gives for the congress of `notice`, as a previous total.
fn from_roster(ctx: &Context, notice: &Notice, term: Option<u32>) -> Option<Previous> {
    let roster = ctx.roster()?;
    let congress = roster.congress(&congress_of_issuer(&notice.issuer), term)?;
    Some(Previous {
        file: None,
        total: Number {
            value: congress.seated?,
            span: Span::new(0, 0),
            style: crate::syntax::numerals::NumeralStyle::Arabic,
        },
        number: congress.last_notice,
        printed: Some(congress.name.clone()),
        path: roster.path.clone(),
    })
}

struct Item<'m, 'a> {
    file: usize,
    notice: &'a Notice,
    model: &'m QualificationModel<'a>,
}

/// The running count and how it was reached, for the message.
struct Running {
    value: i64,
    expression: String,
    /// Where the count started, when it is in the same file.
    base: Option<(Span, String, String)>,
}

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    // Notices of one congress (issuer without term + term), in number order across the run.
    let mut groups: BTreeMap<(String, Option<u32>), Vec<Item>> = BTreeMap::new();
    // Every notice number of the run, of any kind, by issuer and term: a previous total carries
    // over only when no notice in between is missing (it might have changed the count).
    let mut numbers: BTreeMap<(String, Option<u32>), crate::hash::HashSet<u32>> = BTreeMap::new();
    for ctx in contexts {
        for notice in ctx.document.notices() {
            if let Some(n) = notice.number {
                let issuer = BodyName::parse(&notice.issuer).body;
                numbers.entry((issuer, notice.term)).or_default().insert(n);
            }
        }
    }
    for (file, ctx) in contexts.iter().enumerate() {
        for model in ctx.model.qualifications() {
            let notice = model.notice;
            let term = model
                .figures
                .iter()
                .find_map(|f| match f {
                    Figure::Total {
                        congress: Some(c), ..
                    } => c.term.map(|t| t.value),
                    _ => None,
                })
                .or(notice.term);
            let issuer = normalise_body(&notice.issuer);
            groups
                .entry((BodyName::parse(&issuer).body, term))
                .or_default()
                .push(Item {
                    file,
                    notice,
                    model,
                });
        }
    }
    for ((_, term), items) in groups.iter_mut() {
        items.sort_by_key(|i| {
            (
                i.notice.number.is_none(),
                i.notice.number,
                i.file,
                i.notice.span.start,
            )
        });
        // Before the first notice of the series: the roster's count, if it has one.
        let mut previous: Option<Previous> = items
            .first()
            .and_then(|i| from_roster(&contexts[i.file], i.notice, *term));
        for item in items.iter() {
            let issuer = BodyName::parse(&item.notice.issuer).body;
            let known = numbers.get(&(issuer, item.notice.term));
            let chained = match (
                previous.as_ref().map(|p| (p.file, p.number)),
                item.notice.number,
                known,
            ) {
                // The roster before any notice of this committee was applied.
                (Some((None, None)), _, _) => true,
                (Some((_, Some(p))), Some(n), Some(known)) => {
                    p < n && (p + 1..n).all(|k| known.contains(&k))
                }
                _ => false,
            };
            let source = contexts[item.file].source;
            check_notice(item, source, previous.clone().filter(|_| chained), out);
            if let Some(total) = item.model.final_total() {
                let ctx = &contexts[item.file];
                previous = Some(Previous {
                    file: Some(item.file),
                    total: *total,
                    number: item.notice.number,
                    printed: crate::check::printed_number(ctx.source, item.notice),
                    path: ctx.path.to_string(),
                });
            } else if chained && previous.as_ref().is_some_and(|p| p.file.is_none()) {
                // The roster's count was used by a notice that printed no total of its own:
                // it no longer describes what comes after.
                previous = None;
            }
        }
    }
}

fn check_notice(
    item: &Item,
    source: &str,
    previous: Option<Previous>,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let hidden = item.model.hidden_change(source);
    let unreadable = hidden.is_some();
    let mut running: Option<Running> = None;
    if !item.model.has_baseline() {
        if let Some(p) = &previous {
            let (file, total) = (p.file, p.total);
            let which_zh = p.name_zh(true);
            let which_en = p.name_en();
            running = Some(Running {
                value: i64::from(total.value),
                expression: total.value.to_string(),
                base: (file == Some(item.file)).then(|| {
                    (
                        total.span,
                        format!("起算：{which_zh}的实有代表数"),
                        format!("starting from the total of {which_en}"),
                    )
                }),
            });
        }
    }
    let mut quota: Option<Number> = None;
    let mut quota_checked = false;
    // The last printed count (total or baseline) and the vacancies printed after it.
    let mut last: Option<Number> = None;
    let mut vacancies: Vec<Number> = Vec::new();
    let figures = &item.model.figures;
    for (i, figure) in figures.iter().enumerate() {
        match figure {
            Figure::Quota(q) => quota = Some(*q),
            Figure::Baseline { count, span } => {
                out.push((
                    item.file,
                    note(
                        count,
                        format!("起算人数{}取自公告本身，无从核对", count.value),
                        format!(
                            "the starting count {} is taken from the notice itself",
                            count.value
                        ),
                    ),
                ));
                running = Some(Running {
                    value: i64::from(count.value),
                    expression: count.value.to_string(),
                    base: Some((*span, "起算人数".into(), "the starting count".into())),
                });
                last = Some(*count);
                vacancies.clear();
            }
            Figure::Change { delta, .. } => {
                if let Some(r) = running.as_mut() {
                    r.value += delta;
                    let sign = if *delta < 0 { "−" } else { "+" };
                    r.expression.push_str(&format!(" {sign} {}", delta.abs()));
                }
            }
            Figure::Total { count, unit, .. } => {
                match (&running, unreadable) {
                    (Some(r), false) if r.value != i64::from(count.value) => {
                        out.push((item.file, mismatch(r, count, previous.clone())));
                    }
                    (Some(_), false) => {}
                    _ => out.push((item.file, not_verifiable(count, &unit.text, hidden))),
                }
                running = Some(Running {
                    value: i64::from(count.value),
                    expression: count.value.to_string(),
                    base: Some((
                        count.span,
                        format!("起算：前文的实有代表{}", count.value),
                        "the total printed before".into(),
                    )),
                });
                last = Some(*count);
                vacancies.clear();
            }
            Figure::Vacancy { count, .. } => {
                vacancies.push(*count);
                let run_ends = !matches!(figures.get(i + 1), Some(Figure::Vacancy { .. }));
                if let (true, Some(q), Some(l)) = (run_ends, quota, last) {
                    quota_checked = true;
                    let sum: u32 = vacancies.iter().map(|v| v.value).sum();
                    if l.value + sum != q.value {
                        let parts: Vec<String> =
                            vacancies.iter().map(|v| v.value.to_string()).collect();
                        out.push((
                            item.file,
                            RULE.diagnostic(
                                count.span,
                                format!(
                                    "代表人数与名额不符：{} + {} = {}，而名额为{}",
                                    l.value,
                                    parts.join(" + "),
                                    l.value + sum,
                                    q.value
                                ),
                                format!(
                                    "seats do not add up: {} + {} = {}, but the quota is {}",
                                    l.value,
                                    parts.join(" + "),
                                    l.value + sum,
                                    q.value
                                ),
                            )
                            .with_label("空缺人数", "vacancies")
                            .with_related(
                                q.span,
                                format!("名额{}", q.value),
                                format!("quota {}", q.value),
                            )
                            .with_related(
                                l.span,
                                format!("实有{}", l.value),
                                format!("seated {}", l.value),
                            ),
                        ));
                    }
                }
            }
        }
    }
    if let (Some(q), false) = (quota, quota_checked) {
        out.push((
            item.file,
            note(
                &q,
                format!(
                    "代表名额{}未参与核对：公告没有写明实有数之外的空缺人数",
                    q.value
                ),
                format!(
                    "the quota {} was not checked: no vacancy count is printed",
                    q.value
                ),
            ),
        ));
    }
}

fn note(count: &Number, zh: String, en: String) -> Diagnostic {
    RULE.diagnostic(count.span, zh, en)
        .with_severity(Severity::Note)
}

fn mismatch(r: &Running, count: &Number, previous: Option<Previous>) -> Diagnostic {
    let mut d = RULE
        .diagnostic(
            count.span,
            format!(
                "实有代表人数不符：{} = {}，而公告写作{}",
                r.expression, r.value, count.value
            ),
            format!(
                "the seated total does not add up: {} = {}, but the notice prints {}",
                r.expression, r.value, count.value
            ),
        )
        .with_label(
            format!("公告写作{}", count.value),
            format!("printed {}", count.value),
        )
        .with_help(
            "逐项核对起算人数和各条款的增减（资格终止的人数、确认有效的人数）",
            "check the starting count and each change (deputies terminated, deputies confirmed)",
        );
    if let Some((span, zh, en)) = &r.base {
        d = d.with_related(*span, zh.clone(), en.clone());
    } else if let Some(p) = previous {
        d.message.zh.to_mut().push_str(&format!(
            "（起算数为{}的实有代表{}）",
            p.name_zh(false),
            p.total.value
        ));
        d.message.en.to_mut().push_str(&format!(
            " (starting from {} in {})",
            p.total.value,
            p.name_en()
        ));
    }
    d
}

fn not_verifiable(count: &Number, unit: &str, hidden: Option<Span>) -> Diagnostic {
    if let Some(clause) = hidden {
        return RULE
            .diagnostic(
                count.span,
                format!(
                    "实有代表{}{}无法核对：公告中有一句未能读懂（GZ003，见标注），其中可能有资格终止或确认有效的代表",
                    count.value, unit
                ),
                format!(
                    "the total {} was not verified: a sentence of the notice could not be read (GZ003, marked), and it may confirm or terminate deputies",
                    count.value
                ),
            )
            .with_severity(Severity::Note)
            .with_related(clause, "未能读懂的一句", "the sentence not read");
    }
    let (zh, en) = {
        (
            format!("实有代表{}{}无法核对：公告没有写明起算人数，本次检查中也没有同一届大会编号紧接在前的上一份公告或名册（--roster）", count.value, unit),
            format!("the total {} was not verified: the notice prints no starting count, and neither an earlier notice of the same congress nor a roster (--roster) was given", count.value),
        )
    };
    RULE.diagnostic(count.span, zh, en)
        .with_severity(Severity::Note)
        .with_help(
            "与上一份公告一起检查（多个文件一并给出），或用 --roster 给出之前的实有代表数，即可核对",
            "check it together with the previous notice of the same congress, or give the count before it with --roster",
        )
}
