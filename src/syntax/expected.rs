//! Turning pest's "expected one of these rules" into words a clerk understands.
//!
//! A raw pest error (`expected deputy_word`) means nothing to the person who typed the
//! notice. Each rule that can be the thing missing at some point has a phrase here; rules
//! that are only ever optional continuations (a disambiguator after a name) are left out,
//! so the message names what is actually required.

use super::parser::Rule;

/// The phrase (Chinese, English) for a rule, when it names something a reader can supply.
fn phrase(rule: Rule) -> Option<(&'static str, &'static str)> {
    use Rule::*;
    Some(match rule {
        deputy_word => ("「代表」", "「代表」 (deputy)"),
        entry_end => ("「；」或「。」", "「；」 or 「。」"),
        appoint_tail | remove_tail | resign_tail | concurrent_tail | current_tail => (
            "「为」「的」或「辞去」",
            "「为」, 「的」 or 「辞去」 after the names",
        ),
        duty_word => ("「职务」", "「职务」"),
        person | person_list | name | plain_name | dotted_name => ("人名", "a person's name"),
        post | post_list => ("职务名称", "a post"),
        section_numeral => ("节序号，如「三、」", "a section numeral such as 「三、」"),
        section_action => (
            "任免类别，如「决定任命」「免去」",
            "an action such as 「决定任命」 or 「免去」",
        ),
        congress => (
            "人民代表大会的名称，如「重庆市第六届人民代表大会」",
            "the name of a congress",
        ),
        standing_committee => ("常务委员会的名称", "the name of a standing committee"),
        numeral | arabic_numeral | chinese_numeral | sequence => ("数字", "a number"),
        count_unit => ("「人」或「名」", "「人」 or 「名」"),
        death_verb => ("「去世」「逝世」或「遇害」", "「去世」, 「逝世」 or 「遇害」"),
        consequence => ("「终止」或「撤销」", "「终止」 or 「撤销」"),
        clause_sep => ("「，」或「。」", "「，」 or 「。」"),
        meeting_ordinal => ("会议届次，如「第十二次会议」", "a meeting such as 「第十二次会议」"),
        term => ("届次，如「第六届」", "a term such as 「第六届」"),
        date => ("日期，如「2024年11月28日」", "a date such as 「2024年11月28日」"),
        elect_verb => ("「补选」或「选举」", "「补选」 or 「选举」"),
        clause | clause_core | clause_prefix | clause_root | clause_item_root | paragraph_root => (
            "代表资格条款（补选、确认有效、辞职、罢免、调离、去世、资格终止、相应终止、实有代表人数等）",
            "a deputy-qualification clause (by-election, confirmation, resignation, recall, transfer, death, termination, consequential posts, seated total …)",
        ),
        entry | entry_item | entry_root | entry_item_root => (
            "任免条目，如「某某为某职务；」",
            "a personnel entry such as 「A为P；」",
        ),
        entry_verb => ("「任命」「免去」等动词", "a verb such as 「任命」 or 「免去」"),
        notice_number | number_group | number_parens => (
            "公告编号，如「〔六届〕第56号」",
            "a notice number such as 「〔六届〕第56号」",
        ),
        close_bracket => ("右括号「〕」", "a closing bracket 「〕」"),
        term_label => ("届次，如「六届」", "a term such as 「六届」"),
        decision_kind => ("「决定」或「决议」", "「决定」 or 「决议」"),
        _ => return None,
    })
}

/// Joins the phrases of the rules pest expected, without repeats, as
/// 「X」或「Y」 / X or Y. Falls back to the context's own description.
pub fn describe(positives: &[Rule], fallback: Rule) -> (String, String) {
    let mut zh: Vec<&str> = Vec::new();
    let mut en: Vec<&str> = Vec::new();
    for &rule in positives {
        if let Some((z, e)) = phrase(rule) {
            if !zh.contains(&z) {
                zh.push(z);
                en.push(e);
            }
        }
    }
    if zh.is_empty() {
        if let Some((z, e)) = phrase(fallback) {
            zh.push(z);
            en.push(e);
        }
    }
    // Keep the message short: the first three alternatives are the informative ones.
    zh.truncate(3);
    en.truncate(3);
    if zh.is_empty() {
        return ("可识别的内容".into(), "something the grammar knows".into());
    }
    (zh.join("或"), en.join(" or "))
}
