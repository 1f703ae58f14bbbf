//! GZ315 approval-level.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::{verdict, Verdict};

pub const RULE: RuleDef = RuleDef {
    code: "GZ315",
    name: "approval-level",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "「批准」只用于下一级人民检察院检察长 / approval used for another post",
    explanation: r#"## 检查什么 (What it does)
「批准任命」「批准免去」「批准（辞去）」只用于下一级人民检察院检察长（直辖市：区、县人民检察院检察长；
省：设区的市、自治州人民检察院检察长）。用于副检察长、法官、政府职务或本级职务，报错。

## 为什么 (Why)
地方组织法（2022）第五十条第十六项；人民检察院组织法第三十八条第二款。

## 示例 (Example)
「三、批准任命　张三为重庆市梁平区人民检察院副检察长。」
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.moves() {
        if verdict(m) != Verdict::NotForApproval {
            continue;
        }
        let action = m.action.map_or("", |a| a.words());
        let d = RULE
            .diagnostic(
                m.post.span,
                format!(
                    "「{action}」只用于下一级人民检察院检察长，不用于「{}」",
                    m.post.text
                ),
                format!(
                    "「{action}」 is only for the next-lower chief procurator, not 「{}」",
                    m.post.text
                ),
            )
            .with_label(
                "不是下一级人民检察院检察长",
                "not the next-lower chief procurator",
            )
            .with_help(
                "副检察长、检察委员会委员、检察员由本级常务委员会「任命」",
                "deputies and procurators are appointed (任命) by their own level's SC",
            );
        out.push(m.label_action(d));
    }
}
