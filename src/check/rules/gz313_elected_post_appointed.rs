//! GZ313 elected-post-appointed.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::{verdict, Verdict};

pub const RULE: RuleDef = RuleDef {
    code: "GZ313",
    name: "elected-post-appointed",
    severity: Severity::Error,
    enabled_by_default: true,
    summary:
        "常务委员会任命了应由人民代表大会选举的职务 / the SC appoints a post its congress elects",
    explanation: r#"## 检查什么 (What it does)
本级人民政府市长（省长）、法院院长、检察院检察长、监察委员会主任、常务委员会主任、副主任、秘书长、委员
由人民代表大会选举。常务委员会只能在其不能担任职务时「决定代理」人选、接受辞职；「任命」「决定任命」这些职务报错。
直辖市中级人民法院院长和检察院分院检察长是法定的例外（由常务委员会决定任免），不报。

## 为什么 (Why)
地方组织法（2022）第十一条、第五十条第十三项；以常委会任命代替人大选举，任命无效。

## 示例 (Example)
「一、决定任命　李四为重庆市人民检察院检察长；」

## 应改为 (Use instead)
「决定李四为重庆市人民检察院代理检察长」（检察长不能担任职务时），待人民代表大会选举。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.moves() {
        if verdict(m) != Verdict::ElectedPost {
            continue;
        }
        let action = m.action.map_or("", |a| a.words());
        let d = RULE
            .diagnostic(
                m.post.span,
                format!(
                    "「{}」由人民代表大会选举，常务委员会不能「{action}」",
                    m.post.text
                ),
                format!(
                    "「{}」 is elected by the congress; the SC cannot 「{action}」 it",
                    m.post.text
                ),
            )
            .with_label("由人民代表大会选举的职务", "elected by the congress")
            .with_help(
                "常务委员会只能决定代理人选（「决定某某为……代理……」）或接受辞职",
                "the SC may only decide an acting holder or accept a resignation",
            );
        out.push(m.label_action(d));
    }
}
