//! GZ314 special-committee-chair.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::{verdict, Verdict};

pub const RULE: RuleDef = RuleDef {
    code: "GZ314",
    name: "special-committee-chair",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "常务委员会任命了专门委员会主任委员 / the SC appoints a special committee's chair",
    explanation: r#"## 检查什么 (What it does)
专门委员会的主任委员由人民代表大会通过；闭会期间常务委员会只能任免「个别副主任委员和部分委员」。
任命类别下出现「……委员会主任委员」（不含常务委员会的工作委员会「主任」和代表资格审查委员会）报错。

## 为什么 (Why)
地方组织法（2022）第三十四条。

## 示例 (Example)
「二、任命　张三为重庆市人大财政经济委员会主任委员；」
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.moves() {
        if verdict(m) != Verdict::Chair {
            continue;
        }
        out.push(
            RULE.diagnostic(
                m.post.span,
                format!("「{}」由人民代表大会通过，常务委员会不能任命", m.post.text),
                format!("「{}」 is adopted by the congress; the SC cannot appoint it", m.post.text),
            )
            .with_label("专门委员会主任委员", "a special committee's chair")
            .with_help(
                "闭会期间常务委员会只能任免个别副主任委员和部分委员（地方组织法第三十四条）",
                "between sessions the SC appoints only vice-chairs and members (地方组织法 Art. 34)",
            ),
        );
    }
}
