//! GZ104 notice-number-gap (off by default).

use std::collections::BTreeMap;

use crate::ast::Span;
use crate::check::{normalise_body, Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ104",
    name: "notice-number-gap",
    severity: Severity::Style,
    enabled_by_default: false,
    summary: "同一文档中公告编号不连续 / a gap between notice numbers",
    explanation: r#"## 检查什么 (What it does)
同一文档中同一机关同一届次的公告编号不连续时，指出缺少的编号。
默认关闭（`--extend-select GZ104` 开启；`--select GZ104` 只运行本规则）：一版报纸通常只刊登一次会议的部分公告，缺号是常态；
检查一整期公报或一届的全部公告时才有意义。

## 示例 (Example)
第58号之后是第63号：缺少第59—62号。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<(String, Option<u32>), BTreeMap<u32, Span>> = BTreeMap::new();
    for notice in ctx.document.notices() {
        if let (Some(number), Some(line)) = (notice.number, notice.header.number.as_ref()) {
            groups
                .entry((normalise_body(&notice.issuer), notice.term))
                .or_default()
                .entry(number)
                .or_insert(line.span);
        }
    }
    for numbers in groups.values() {
        let sorted: Vec<(&u32, &Span)> = numbers.iter().collect();
        for pair in sorted.windows(2) {
            let ((&a, _), (&b, &span)) = (pair[0], pair[1]);
            if b > a + 1 {
                let missing = if b == a + 2 {
                    format!("第{}号", a + 1)
                } else {
                    format!("第{}—{}号", a + 1, b - 1)
                };
                let missing_en = if b == a + 2 {
                    format!("{}", a + 1)
                } else {
                    format!("{}–{}", a + 1, b - 1)
                };
                out.push(
                    RULE.diagnostic(
                        span,
                        format!("第{a}号与第{b}号之间缺少{missing}"),
                        format!("numbers {missing_en} are missing between {a} and {b}"),
                    )
                    .with_label(format!("缺少{missing}"), format!("{missing_en} missing")),
                );
            }
        }
    }
}
