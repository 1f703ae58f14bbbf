//! GZ208 suspension-not-termination.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::qualification::Ground;

pub const RULE: RuleDef = RuleDef {
    code: "GZ208",
    name: "suspension-not-termination",
    severity: Severity::Error,
    enabled_by_default: true,
    summary:
        "被羁押或判刑（未剥夺政治权利）被写成代表资格终止 / detention presented as termination",
    explanation: r#"## 检查什么 (What it does)
代表因刑事案件被羁押，或被判处刑罚而没有被剥夺政治权利，只是暂停执行代表职务，不是代表资格终止的事由。
公告写了「被逮捕」「被羁押」「被判处有期徒刑……」而没有「剥夺政治权利」，却写明此人的代表资格终止，报错。
「并处剥夺政治权利」的，是终止的法定事由，不报。

## 为什么 (Why)
代表法（2025）第六十一条（2015年文本第四十八条）：因刑事案件被羁押正在受侦查、起诉、审判的，被依法判处管制、
拘役或者有期徒刑而没有附加剥夺政治权利、正在服刑的，暂停执行代表职务。终止的情形见第六十二条（2015：第四十九条）。

## 示例 (Example)
「……李明因涉嫌受贿罪被逮捕，依照代表法的有关规定，李明的……代表资格终止。」

## 应改为 (Use instead)
待罢免或判决剥夺政治权利后，再以罢免或被剥夺政治权利为事由公告终止。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.qualifications() {
        for (r, i) in m.terminations() {
            let intro = &m.introductions[i];
            if intro.ground != Ground::Detained {
                continue;
            }
            out.push(
                RULE.diagnostic(
                    intro.clause,
                    format!("「{}」被羁押或判刑而未被剥夺政治权利，只暂停执行代表职务，不是代表资格终止的事由", intro.person.name.text),
                    format!("「{}」 is detained or sentenced without deprivation of political rights: the mandate is suspended, not ended", intro.person.name.text),
                )
                .with_label("暂停执行代表职务的情形", "a ground of suspension")
                .with_related(r.clause.span, "却写明代表资格终止", "yet stated as terminated")
                .with_help(
                    "代表法（2025）第六十一条、（2015）第四十八条",
                    "代表法 (2025) Art. 61, (2015) Art. 48",
                ),
            );
        }
    }
}
