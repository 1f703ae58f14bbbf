//! GZ008 unknown-suppression-code. The work is done by the suppression pass
//! (`crate::check::suppression`), which reads the comments; this entry gives the rule its
//! code, selection and explanation.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ008",
    name: "unknown-suppression-code",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "忽略注释中的规则代码不存在 / a gazette-ignore comment names no known rule",
    explanation: r#"## 检查什么 (What it does)
`<!-- gazette-ignore GZ340 -->` 中的代码（或前缀）不是任何规则的代码时，报告本规则，并指出是哪一个。
这样的注释什么也不忽略；它不再另报 GZ009（没有忽略任何问题）。

## 为什么 (Why)
代码写错的忽略注释看上去像是处理过了，实际上问题还在；说清楚「没有这条规则」，
比「没有忽略任何问题」更快让人找到错字。

## 示例 (Example)
```
<!-- gazette-ignore GZ340 -->
二、任命
……
```
（没有规则 GZ340：应为 GZ304。）
"#,
    check: Check::File(check),
};

/// Reported by the suppression pass, which alone reads the comments.
fn check(_: &Context, _: &mut Vec<Diagnostic>) {}
