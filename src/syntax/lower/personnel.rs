//! Personnel lists: section headings, entries and the shape of a post.

use super::*;

/// The last characters of the titles of posts (院长, 审判员, 主任, 检察官, 书记, 主席, 助理, 顾问,
/// 参事, 工程师, 总监, 政委). A post that ends otherwise lost its title (「…检察委员会委员」 printed
/// 「…检员」, 「…副区长」 cut to 「襄」).
pub(super) const TITLE_ENDINGS: &str = "长员任官记席理问事师监委";

pub(super) fn names_a_title(post: &str) -> bool {
    // 「…院长（正厅级）」: a note in parentheses after the title.
    let mut text = post.trim_end();
    if let Some(open) = text.rfind(['（', '(']) {
        if text.ends_with(['）', ')']) {
            text = &text[..open];
        }
    }
    text.chars()
        .next_back()
        .is_some_and(|c| TITLE_ENDINGS.contains(c))
}

pub(super) fn untitled_post(post: &Post) -> Unrecognised {
    Unrecognised {
        span: post.span,
        at: post.span,
        expected_zh: "以职务名称结尾的职务（如「院长」「审判员」「副主任」）".into(),
        expected_en: "a post ending in its title (院长, 审判员, 副主任 …)".into(),
        context: SyntaxContext::Entry,
        cause: Unreadable::UnknownWording,
    }
}

pub(super) fn section_heading(frag: &Fragment) -> Option<SectionHeading> {
    let root = parse_root(Rule::section_root, &frag.text)?;
    let l = Lower::new(frag);
    lower_section_heading(&l, &child(&root, Rule::section_heading)?)
}

/// 「一、决定任命X为…。」: a heading and its one entry on a line.
pub(super) fn headed_entry(frag: &Fragment) -> Option<(SectionHeading, Entry)> {
    // section_heading = section_numeral? ~ section_action …: without a numeral, the line is an
    // entry in verb-first style (「决定任命X为…」), read as such.
    let numeral = frag
        .text
        .trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    if numeral.len() == frag.text.len() || !numeral.starts_with(['、', '，', ',', '.', '．']) {
        return None;
    }
    let root = parse_root(Rule::headed_entry_root, &frag.text)?;
    let l = Lower::new(frag);
    let heading = lower_section_heading(&l, &child(&root, Rule::section_heading)?)?;
    Some((heading, lower_entry(frag, &child(&root, Rule::entry)?)))
}

pub(super) fn lower_section_heading(l: &Lower, heading: &P) -> Option<SectionHeading> {
    let heading = heading.clone();
    let numeral_pair = child(&heading, Rule::section_numeral);
    let action_pair = child(&heading, Rule::section_action)?;
    let action = Action::from_words(action_pair.as_str())?;
    Some(SectionHeading {
        span: l.span(&heading),
        numeral: numeral_pair.as_ref().and_then(|n| {
            let c = child(n, Rule::chinese_numeral)?;
            let (value, style) = parse_numeral(c.as_str())?;
            Some(Number {
                value,
                style,
                span: l.span(&c),
            })
        }),
        numeral_span: numeral_pair.as_ref().map(|n| l.span(n)),
        action,
        action_text: l.text(&action_pair),
    })
}

pub(super) fn lower_entry(frag: &Fragment, entry: &P) -> Entry {
    let l = Lower::new(frag);
    let items = find_all(entry, Rule::entry_item)
        .iter()
        .map(|item| {
            let tail = item
                .clone()
                .into_inner()
                .find(|c| {
                    matches!(
                        c.as_rule(),
                        Rule::appoint_tail
                            | Rule::remove_tail
                            | Rule::resign_tail
                            | Rule::concurrent_tail
                            | Rule::current_tail
                    )
                })
                .expect("the grammar requires a tail");
            let form = match tail.as_rule() {
                Rule::appoint_tail => EntryForm::Appointment,
                Rule::remove_tail => EntryForm::Removal,
                Rule::resign_tail => EntryForm::Resignation,
                Rule::concurrent_tail => EntryForm::Concurrent,
                _ => EntryForm::Current,
            };
            let link = tail
                .clone()
                .into_inner()
                .next()
                .map(|w| l.span(&w))
                .expect("every tail begins with its link word");
            let verb = l.opt_text(item, Rule::entry_verb);
            EntryItem {
                span: l.span(item),
                action: verb.as_ref().and_then(|v| Action::from_words(&v.text)),
                verb,
                persons: l.persons(&child(item, Rule::entry_persons).expect("required")),
                form,
                link,
                posts: l.posts(&tail),
                duty_word: find(&tail, Rule::duty_word).map(|d| l.span(&d)),
            }
        })
        .collect();
    Entry {
        span: l.span(entry),
        items,
        terminator: l.opt_text(entry, Rule::entry_end),
    }
}
