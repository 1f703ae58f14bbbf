//! GZ305 unknown-post.

use std::collections::BTreeSet;

use crate::ast::{Fact, NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::post::parse_posts;
use crate::model::personnel::{verdict, Verdict};

pub const RULE: RuleDef = RuleDef {
    code: "GZ305",
    name: "unknown-post",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "职务无法解析为「机构 + 职务名称」 / a post the profile does not know",
    explanation: r#"## 检查什么 (What it does)
公告中每一个职务（任免条目、「……职务相应终止」、决定标题）都按本级人大常委会的任免范围（内置的直辖市、省两种，或 `--profile` 给出的配置文件）解析为「机构 + 职务名称」。
解析不了的报出，最常见的是机构名称缺了一段，如「重庆市第六届人民代表大会委员会委员」缺了专门委员会的名称。
发布机关的任免范围没有配置（全国人大常委会、设区的市、县）时不检查，
只有一种情形不论哪一级都报：同一条目中后面的职务沿用前一职务的机构，本身却不是已知的职务名称
（「……副检察长、检员、检察员」）。

## 为什么 (Why)
职务名称是任免的对象，缺字、错字会让任免落空或指向别的职务。

## 示例 (Example)
「……王岳的重庆市第六届人民代表大会委员会委员、……职务相应终止」

## 应改为 (Use instead)
「……王岳的重庆市第六届人民代表大会常务委员会委员……」或写出委员会的名称（如「……民族宗教侨务外事委员会委员」）。
"#,
    check: Check::File(check),
};

fn unknown(span: Span, text: &str, institution: &str) -> Diagnostic {
    let mut d = RULE
        .diagnostic(
            span,
            format!("无法识别的职务「{text}」"),
            format!("unknown post 「{text}」"),
        )
        .with_label(
            "本级人大常委会的任免范围里没有这种职务",
            "no such post in the profile",
        );
    if institution.ends_with("人民代表大会委员会") {
        d = d.with_help(
            "委员会的名称似乎缺失：应为「……常务委员会委员」或「……某某委员会委员」",
            "the committee's name seems missing",
        );
    } else {
        d = d.with_help(
            "核对职务名称是否有缺字、错字；本地特有的职务，可以写进自己的任免范围配置文件（--profile）",
            "check the post for missing characters; local posts can go into your own profile (--profile)",
        );
    }
    d
}

/// A later post of an entry that is neither an institution's nor a known title (「…副检察长、
/// 检[察委员会委]员、检察员」): not a post under any profile, whoever issued the list.
fn neither(span: Span, text: &str) -> Diagnostic {
    RULE.diagnostic(
        span,
        format!("无法识别的职务「{text}」：既没有机构名称，也不是已知的职务名称"),
        format!("unknown post 「{text}」: it names no institution and no known title"),
    )
    .with_label("不是职务名称", "not a post's title")
    .with_help(
        "同一条目中后面的职务沿用前一职务的机构，本身应是职务名称（如「检察委员会委员」「审判员」）：核对是否缺字",
        "a later post of an entry takes the institution of the one before and must itself be a title (「检察委员会委员」, 「审判员」): look for lost characters",
    )
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for m in ctx.model.moves() {
        if verdict(m) == Verdict::UnknownPost && seen.insert(m.post.span) {
            out.push(unknown(m.post.span, &m.post.text, &m.info.institution));
        } else if m.info.inherited && m.info.title.is_empty() && seen.insert(m.post.span) {
            out.push(neither(m.post.span, &m.post.text));
        }
    }
    // Posts named in decision titles: 「关于接受张国智同志辞去重庆市人民政府副市长职务的决定」.
    for notice in ctx.document.notices() {
        let NoticeBody::Decision(d) = &notice.body else {
            continue;
        };
        let (Some(title), Some(profile)) = (&d.title, ctx.model.profile_for(&notice.issuer)) else {
            continue;
        };
        let Some(m) = &title.decides else {
            continue;
        };
        let (post, span) = (&m.post.text, m.post.span);
        let info = parse_posts([post.as_str()]).remove(0);
        if profile.rule(&info).is_none() && seen.insert(span) {
            out.push(unknown(span, post, &info.institution));
        }
    }
    // Posts lost with a deputy's mandate (「…职务相应终止」).
    for notice in ctx.document.notices() {
        let NoticeBody::Qualification(q) = &notice.body else {
            continue;
        };
        let Some(profile) = ctx.model.profile_for(&notice.issuer) else {
            continue;
        };
        for clause in q.paragraphs.iter().flat_map(|p| &p.clauses) {
            let Some(Fact::ConsequentialLoss { holdings, .. }) = &clause.fact else {
                continue;
            };
            for h in holdings {
                let infos = parse_posts(h.posts.iter().map(|p| p.text.as_str()));
                for (post, info) in h.posts.iter().zip(infos) {
                    if profile.rule(&info).is_none() && seen.insert(post.span) {
                        out.push(unknown(post.span, &post.text, &info.institution));
                    }
                }
            }
        }
    }
}
