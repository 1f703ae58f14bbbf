//! GZ205 termination-wording.

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::qualification::{Ground, Restating};

pub const RULE: RuleDef = RuleDef {
    code: "GZ205",
    name: "termination-wording",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "终止的写法与事由不符 / the termination formula does not fit the ground",
    explanation: r#"## 检查什么 (What it does)
- 「自然终止」只用于去世的代表；「自行终止」只用于调离、迁出本行政区域的代表；
- 2025年3月11日起（代表法2025年修正施行），去世的代表资格「自然终止」，写作「代表资格终止」的给出警告，可自动补上「自然」。
  此前的公告两种写法都有（〔十二届〕第七号、天水2019年第1号），不报。

## 为什么 (Why)
代表法（2025）第六十二条：代表去世的，其代表资格自然终止；选举法（2020）第五十七条第二款：调离或者迁出本行政区域的，
其代表资格自行终止。用错了，公告所说的终止原因就与法律不符。

## 示例 (Example)
「……汤于辞去……代表职务，……汤于的……代表资格自然终止。」

## 应改为 (Use instead)
「……汤于的……代表资格终止。」
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.qualifications() {
        let after_2025 = m.notice.date().is_some_and(|d| d >= (2025, 3, 11));
        for r in m
            .restatements
            .iter()
            .filter(|r| r.kind == Restating::Termination)
        {
            let grounds: Vec<&crate::model::qualification::Introduction> =
                r.covers.iter().map(|&i| &m.introductions[i]).collect();
            match r.mode.map(|t| t.text.as_str()) {
                Some(mode @ ("自然" | "自行")) => {
                    let fits = |g: Ground| {
                        if mode == "自然" {
                            g == Ground::Died
                        } else {
                            g == Ground::Transferred
                        }
                    };
                    if let Some(bad) = grounds.iter().find(|i| !fits(i.ground)) {
                        let span = r.mode.map_or(r.clause.span, |t| t.span);
                        out.push(
                            RULE.diagnostic(
                                span,
                                format!(
                                    "「{mode}终止」不适用于{}：「{}」",
                                    bad.ground.zh(),
                                    bad.person.name.text
                                ),
                                format!(
                                    "「{mode}终止」 does not fit a {}: 「{}」",
                                    bad.ground.en(),
                                    bad.person.name.text
                                ),
                            )
                            .with_label(
                                if mode == "自然" {
                                    "「自然终止」只用于去世"
                                } else {
                                    "「自行终止」只用于调离、迁出"
                                },
                                if mode == "自然" {
                                    "only for a death"
                                } else {
                                    "only for a transfer"
                                },
                            )
                            .with_related(
                                bad.clause,
                                format!("事由：{}", bad.ground.zh()),
                                bad.ground.en(),
                            ),
                        );
                    }
                }
                _ if after_2025 => {
                    // Only a clause that terminates the dead alone can take 「自然」.
                    if grounds.is_empty() || grounds.iter().any(|i| i.ground != Ground::Died) {
                        continue;
                    }
                    let dead = grounds[0];
                    let text = ctx.slice(r.clause.span);
                    let Some(at) = text.rfind("终止") else {
                        continue;
                    };
                    let pos = r.clause.span.start + at;
                    out.push(
                        RULE.diagnostic(
                            Span::new(pos, pos + "终止".len()),
                            format!(
                                "「{}」去世，代表资格应写作「自然终止」",
                                dead.person.name.text
                            ),
                            format!(
                                "「{}」 died: the mandate 「自然终止」 (ends naturally)",
                                dead.person.name.text
                            ),
                        )
                        .with_label("应为「自然终止」", "should be 「自然终止」")
                        .with_help(
                            "代表法（2025年修正）第六十二条：代表去世的，其代表资格自然终止",
                            "代表法 (2025) Art. 62: on death the mandate ends naturally",
                        )
                        .with_fix(
                            "补上「自然」",
                            "insert 「自然」",
                            vec![Edit {
                                span: Span::new(pos, pos),
                                replacement: "自然".into(),
                            }],
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}
