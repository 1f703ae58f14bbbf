//! GZ009 unused-suppression. The work is done by the suppression pass
//! (`crate::check::suppression`), which alone knows what each comment suppressed; this entry
//! gives the rule its code, selection and explanation.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ009",
    name: "unused-suppression",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "没有忽略任何问题的忽略注释 / a gazette-ignore comment that suppresses nothing",
    explanation: r#"## 检查什么 (What it does)
`<!-- gazette-ignore GZ304 -->`（Markdown）或 `# gazette-ignore GZ304`（纯文本）忽略下一段
（到下一个空行为止）中该规则的问题；`gazette-ignore-file` 忽略整个文件；不写代码则忽略所有规则；
代码可以是前缀（`GZ3`）；`reason:` 之后的文字是说明。一条忽略注释没有忽略任何问题时，报告本规则。

## 为什么 (Why)
问题改正了、或者代码写错了的忽略注释，会在以后悄悄掩盖新的问题。

## 示例 (Example)
```
<!-- gazette-ignore GZ303 -->
二、任命
……
```
（各项之间的「；」已经改正，GZ303 不再报告：删除这条注释。代码不存在时报告 GZ008。）
"#,
    check: Check::File(check),
};

/// Reported by the suppression pass, after every other rule has run.
fn check(_: &Context, _: &mut Vec<Diagnostic>) {}
