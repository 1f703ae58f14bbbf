//! GZ312 removal-wording.

use crate::ast::{Action, EntryForm, NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ312",
    name: "removal-wording",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "任免条目的句式与所在节的任免类别不符 / an entry's wording does not fit its action",
    explanation: r#"## 检查什么 (What it does)
- 免去、决定免去、批准免去、撤销一节中的条目写作「某某的……职务」，以「职务」结尾；
- 「批准」一节（批准辞职）中的条目写作「某某辞去……职务」；
- 任命类各节中的条目写作「某某为……」。
缺少「职务」时可自动补上。

## 为什么 (Why)
任免的法律行为由节标题和句式共同表达（地方组织法第五十条；DOMAIN.md §4 RESIGN-APPROVE-FORM）。
「免去」下写成「某某为……」，读者无法判断是任是免。

## 示例 (Example)
```
五、免去
杨国权为重庆市人大教育科学文化卫生委员会副主任委员；
陈强的重庆市人大社会建设委员会委员。
```

## 应改为 (Use instead)
```
五、免去
杨国权的重庆市人大教育科学文化卫生委员会副主任委员职务；
陈强的重庆市人大社会建设委员会委员职务。
```
"#,
    check: Check::File(check),
};

fn expected_form(action: Action) -> Option<EntryForm> {
    Some(match action {
        a if a.is_removal() => EntryForm::Removal,
        Action::ApproveResignation | Action::AcceptResignation => EntryForm::Resignation,
        Action::DecideAppoint | Action::Appoint | Action::ApproveAppoint | Action::DecideActing => {
            EntryForm::Appointment
        }
        _ => return None,
    })
}

fn form_words(form: EntryForm) -> (&'static str, &'static str) {
    match form {
        EntryForm::Removal => ("「某某的……职务」", "「A的…职务」"),
        EntryForm::Resignation => ("「某某辞去……职务」", "「A辞去…职务」"),
        _ => ("「某某为……」", "「A为…」"),
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Personnel(list) = &notice.body else {
            continue;
        };
        for section in &list.sections {
            for entry in &section.entries {
                for item in &entry.items {
                    // A verb in front of the names decides; otherwise the section heading does.
                    let verb_action = item.action;
                    let (action, source_span, source_text) =
                        match (&item.verb, verb_action, &section.heading) {
                            (Some(v), Some(a), _) => (a, v.span, v.text.clone()),
                            (_, _, Some(h)) => {
                                (h.action, h.action_text.span, h.action_text.text.clone())
                            }
                            _ => continue,
                        };
                    let Some(want) = expected_form(action) else {
                        continue;
                    };
                    // The 1958 style: 「X兼Y」 appoints, 「X现任Y职务」 names the post removed.
                    let fits = item.form == want
                        || (want == EntryForm::Appointment && item.form == EntryForm::Concurrent)
                        || (want == EntryForm::Removal && item.form == EntryForm::Current);
                    if !fits {
                        let (zh, en) = form_words(want);
                        out.push(
                            RULE.diagnostic(
                                item.link,
                                format!("「{source_text}」的条目应写作{zh}"),
                                format!("entries under 「{source_text}」 read {en}"),
                            )
                            .with_label("句式与任免类别不符", "wording does not fit the action")
                            .with_related(
                                source_span,
                                format!("任免类别「{source_text}」"),
                                format!("action 「{source_text}」"),
                            ),
                        );
                        continue;
                    }
                    if matches!(item.form, EntryForm::Removal | EntryForm::Resignation)
                        && item.duty_word.is_none()
                    {
                        let Some(last) = item.posts.last() else {
                            continue;
                        };
                        let end = last.span.end;
                        let last_char = ctx
                            .slice(last.span)
                            .chars()
                            .next_back()
                            .map_or(0, char::len_utf8);
                        out.push(
                            RULE.diagnostic(
                                Span::new(end - last_char, end),
                                "免职或辞职条目应以「职务」结尾",
                                "a removal or resignation entry ends in 「职务」",
                            )
                            .with_label("此后缺少「职务」", "「职务」 missing after this")
                            .with_fix(
                                "补上「职务」",
                                "add 「职务」",
                                vec![Edit {
                                    span: Span::new(end, end),
                                    replacement: "职务".into(),
                                }],
                            ),
                        );
                    }
                }
            }
        }
    }
}
