//! GZ304 wrong-action-for-post.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::{allowed, verdict, Verdict};

pub const RULE: RuleDef = RuleDef {
    code: "GZ304",
    name: "wrong-action-for-post",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "职务所在的任免类别不对 / the post needs a different legal action",
    explanation: r#"## 检查什么 (What it does)
每个职务由哪种法律行为任免，由本级人大常委会的任免范围规定（内置直辖市和省两种，或 `--profile` 给出的配置文件）：
副市长、政府组成部门负责人、直辖市中级人民法院院长、检察院分院检察长「决定任命／决定免去」；
法官、检察官、专门委员会副主任委员和委员「任命／免去」；下一级人民检察院检察长「批准任命／批准免去」。
职务列在了别的类别下，报错；资料之间有分歧的（分院检察长列在「任命」下），只给警告。

## 为什么 (Why)
地方组织法（2022）第五十条第十三项至第十六项分别规定了「决定任免」「任免」「批准任免」；
用错了类别，就是以不具备的权限作出了任免。

## 示例 (Example)
「二、任命　姜国杰为重庆市人民政府副市长；」

## 应改为 (Use instead)
「一、决定任命　姜国杰为重庆市人民政府副市长；」

## 依据 (References)
地方组织法（2022）第五十条；人民法院组织法第四十三条；人民检察院组织法第三十八条；DOMAIN.md §5。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.moves() {
        let v = verdict(m);
        if !matches!(v, Verdict::Wrong | Verdict::Contested) {
            continue;
        }
        let (Some(rule), Some(action)) = (m.rule, m.action) else {
            continue;
        };
        let (zh, en, label) = match allowed(rule, action) {
            Some(words) => (
                format!(
                    "「{}」应由{words}，此处为「{}」",
                    m.post.text,
                    action.words()
                ),
                format!(
                    "「{}」 takes {words}, not 「{}」",
                    m.post.text,
                    action.words()
                ),
                format!("此职务应由{words}"),
            ),
            None => (
                format!(
                    "「{}」不由本级常务委员会「{}」",
                    m.post.text,
                    action.words()
                ),
                format!(
                    "this standing committee does not 「{}」 「{}」",
                    action.words(),
                    m.post.text
                ),
                "不由本级常务委员会任免".to_string(),
            ),
        };
        let mut d = m.label_action(
            RULE.diagnostic(m.post.span, zh, en)
                .with_label(label, "needs another action"),
        );
        if v == Verdict::Contested {
            d = d.with_severity(Severity::Warning).with_help(
                "地方组织法第五十条写「决定任免」，人民检察院组织法第三十八条、检察官法第十八条写「任免」；请按本地惯例确认",
                "the sources disagree on this verb (地方组织法 50 vs 检察院组织法 38); confirm local practice",
            );
        }
        out.push(d);
    }
}
