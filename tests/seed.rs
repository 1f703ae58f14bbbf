//! The real page the tool was born from: every notice, section, entry, name and post of it
//! must be in the tree, and the same page without Markdown heading marks must give the same
//! tree.

use gazette::ast::*;
use gazette::syntax::parse_document;
use serde_json::Value;

const SEED: &str = include_str!("../examples/chongqing-2024-11-28.md");
const PLAIN: &str = include_str!("../examples/chongqing-2024-11-28-plain.txt");

fn notices(doc: &Document) -> Vec<&Notice> {
    doc.notices().collect()
}

fn slice(src: &str, span: Span) -> &str {
    &src[span.start..span.end]
}

#[test]
fn five_notices_in_page_order_with_their_kinds() {
    let doc = parse_document(SEED);
    let found: Vec<(Option<u32>, Option<u32>, NoticeKind, &str)> = notices(&doc)
        .iter()
        .map(|n| (n.term, n.number, n.kind, n.issuer.as_str()))
        .collect();
    let issuer = "重庆市人民代表大会常务委员会";
    assert_eq!(
        found,
        vec![
            (Some(6), Some(56), NoticeKind::Qualification, issuer),
            (Some(6), Some(57), NoticeKind::Decision, issuer),
            (Some(6), Some(63), NoticeKind::Decision, issuer),
            (Some(6), Some(64), NoticeKind::Decision, issuer),
            (Some(6), Some(58), NoticeKind::Personnel, issuer),
        ]
    );
    // The other articles are opaque blocks: the page opens and continues with them.
    assert!(matches!(doc.blocks[0], Block::Opaque(_)));
    let first_notice = notices(&doc)[0].span.start;
    assert!(SEED[..first_notice].contains("数字贸易改革创新发展"));
    assert!(SEED[..first_notice].contains("姜国杰等14名代表的代表资格的报告"));
}

/// Every entry, rebuilt from its names, link word, posts and punctuation, is the printed line:
/// nothing of the list is lost or invented.
#[test]
fn personnel_list_58_has_every_entry_name_and_post() {
    let doc = parse_document(SEED);
    let list = notices(&doc)
        .into_iter()
        .find(|n| n.number == Some(58))
        .expect("notice 58");
    let NoticeBody::Personnel(list) = &list.body else {
        panic!("58 is a personnel list")
    };
    let headings: Vec<(u32, Action)> = list
        .sections
        .iter()
        .map(|s| {
            let h = s.heading.as_ref().expect("heading");
            (h.numeral.expect("numeral").value, h.action)
        })
        .collect();
    assert_eq!(
        headings,
        vec![
            (1, Action::DecideAppoint),
            (2, Action::Appoint),
            (3, Action::ApproveAppoint),
            (4, Action::DecideRemove),
            (5, Action::Remove),
            (6, Action::ApproveResignation),
        ]
    );
    let counts: Vec<usize> = list.sections.iter().map(|s| s.entries.len()).collect();
    assert_eq!(counts, vec![5, 18, 1, 1, 25, 2]);

    let mut persons = 0;
    for entry in list.sections.iter().flat_map(|s| &s.entries) {
        let item = &entry.items[0];
        let names: Vec<&str> = item.persons.iter().map(|p| p.name.text.as_str()).collect();
        let posts: Vec<&str> = item.posts.iter().map(|p| p.text.as_str()).collect();
        let link = slice(SEED, item.link);
        let duty = item.duty_word.map(|d| slice(SEED, d)).unwrap_or("");
        let end = entry.terminator.as_ref().map_or("", |t| t.text.as_str());
        let rebuilt = format!(
            "{}{}{}{}{}",
            names.join("、"),
            link,
            posts.join("、"),
            duty,
            end
        );
        assert_eq!(rebuilt, slice(SEED, entry.span));
        persons += names.len();
    }
    // Counted by hand on the printed list: 5 + 29 + 1 + 1 + 32 + 2.
    assert_eq!(persons, 70, "names in notice 58");

    // Spot checks on the hard cases: alternate names in parentheses, multi-post entries.
    let all_posts: Vec<&str> = list
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .flat_map(|e| &e.items)
        .flat_map(|i| &i.posts)
        .map(|p| p.text.as_str())
        .collect();
    assert!(all_posts.contains(&"重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长"));
    assert!(all_posts.contains(&"重庆市两江地区人民检察院(重庆铁路运输检察院)检察委员会委员"));
    assert!(all_posts.contains(&"民事审判第二庭庭长"));
}

fn names(persons: &[Person]) -> Vec<&str> {
    persons.iter().map(|p| p.name.text.as_str()).collect()
}

#[test]
fn qualification_notice_56_has_every_deputy_event() {
    let doc = parse_document(SEED);
    let n56 = notices(&doc)[0];
    let NoticeBody::Qualification(q) = &n56.body else {
        panic!("56 is a qualification notice")
    };
    let facts: Vec<&Fact> = q
        .paragraphs
        .iter()
        .flat_map(|p| &p.clauses)
        .filter_map(|c| c.fact.as_ref())
        .collect();
    let mut confirmed = Vec::new();
    let mut transferred = Vec::new();
    let mut resigned = Vec::new();
    let mut terminated = Vec::new();
    let mut lost_posts = Vec::new();
    let mut total = None;
    for fact in facts {
        match fact {
            Fact::Confirmation { persons, .. } => confirmed.extend(names(persons)),
            Fact::Transfer { deputies, .. } => {
                transferred.extend(deputies.iter().map(|d| d.person.name.text.as_str()))
            }
            Fact::Resignation { persons, .. } => resigned.extend(names(persons)),
            Fact::Termination { persons, .. } => terminated.extend(names(persons)),
            Fact::ConsequentialLoss { holdings, .. } => {
                lost_posts.extend(holdings.iter().map(|h| h.posts.len()))
            }
            Fact::SeatedTotal { count, .. } => total = Some(count.value),
            _ => {}
        }
    }
    assert_eq!(confirmed, ["姜国杰", "蒋德阳", "吴凯"]);
    assert_eq!(transferred, ["张国智", "尤莉莉", "谢志雄", "万隆", "徐强"]);
    assert_eq!(
        resigned,
        ["赵勇", "万相兰", "余长明", "汤于", "王茂春", "王岳"]
    );
    assert_eq!(
        terminated,
        [
            "张国智",
            "尤莉莉",
            "谢志雄",
            "万隆",
            "徐强",
            "赵勇",
            "万相兰",
            "余长明",
            "汤于",
            "王茂春",
            "王岳"
        ]
    );
    // 赵勇: one post; 万相兰: two; 王岳: two.
    assert_eq!(lost_posts, [1, 2, 2]);
    assert_eq!(total, Some(846));
    // The paragraph broken by the page (「…的有」 / 「关规定…」) is read as one.
    assert!(q.paragraphs.iter().any(|p| !p.breaks.is_empty()));
    // The one clause the grammar cannot read is the one with text missing in print.
    assert_eq!(n56.unrecognised.len(), 1);
    assert_eq!(slice(SEED, n56.unrecognised[0].at), "常务委员会第");
}

/// Spans differ between the two copies (the marks are gone); everything else must not.
fn without_spans(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "span"
                            | "at"
                            | "link"
                            | "duty_word"
                            | "numeral_span"
                            | "consequence_span"
                            | "markup"
                            | "breaks"
                            | "resumes"
                            | "first"
                            | "second"
                            | "approval"
                    )
                })
                .map(|(k, v)| (k.clone(), without_spans(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_spans).collect()),
        other => other.clone(),
    }
}

#[test]
fn plain_text_copy_gives_the_same_tree() {
    let marked = parse_document(SEED);
    let plain = parse_document(PLAIN);
    let a: Vec<Value> = notices(&marked)
        .iter()
        .map(|n| without_spans(&serde_json::to_value(n).unwrap()))
        .collect();
    let b: Vec<Value> = notices(&plain)
        .iter()
        .map(|n| without_spans(&serde_json::to_value(n).unwrap()))
        .collect();
    assert_eq!(a.len(), 5);
    assert_eq!(a, b);
}

fn codes(text: &str) -> Vec<&'static str> {
    let report = gazette::report::check_bytes("seed.md", text.as_bytes(), &Default::default());
    report.findings().map(|d| d.code).collect()
}

/// 「关于姜国杰等14名代表的代表资格的报告」 in the news article counts notice 56: 3 confirmed and
/// 11 terminated, 姜国杰 first. The checker verifies it, and catches a one-character change.
#[test]
fn the_meeting_report_agrees_with_notice_56() {
    assert!(!codes(SEED).contains(&"GZ206"));
    let fifteen = SEED.replace("姜国杰等14名代表", "姜国杰等15名代表");
    assert_eq!(codes(&fifteen).iter().filter(|c| **c == "GZ206").count(), 1);
    let other_first = SEED.replace("关于姜国杰等14名代表", "关于蒋德阳等14名代表");
    assert_eq!(
        codes(&other_first)
            .iter()
            .filter(|c| **c == "GZ206")
            .count(),
        1
    );
}

/// Notice 56 prints no starting count: its total 846 is noted as not verifiable, not guessed.
/// Given the previous notice (〔六届〕第55号 with 854 seated), the chain is checked.
#[test]
fn the_total_of_notice_56_is_checked_only_with_its_baseline() {
    let report = gazette::report::check_bytes("seed.md", SEED.as_bytes(), &Default::default());
    assert!(report.findings().all(|d| d.code != "GZ201"));
    assert!(report
        .notes()
        .any(|d| d.code == "GZ201" && d.message.zh.contains("846")));

    // With the page's GZ003 repaired (the words lost in print put back) and notice 55 before
    // it, the arithmetic runs: 854 + 3 − 5 − 1 − 5 = 846.
    let repaired = SEED.replace(
        "补选吴凯为重庆市第六届人民代表大会常务委员会第十二次会议",
        "补选吴凯为重庆市第六届人民代表大会代表。重庆市第六届人民代表大会常务委员会第十二次会议",
    );
    let previous = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第55号\n\n截至目前，重庆市第六届人民代表大会实有代表854人。\n\n特此公告。\n\n重庆市人民代表大会常务委员会\n\n2024年9月27日\n";
    let run = |total: &str| {
        let page = repaired.replace("实有代表846人", total);
        let reports = gazette::report::check_all(
            vec![
                ("55.md".into(), previous.as_bytes().to_vec()),
                ("seed.md".into(), page.into_bytes()),
            ],
            &Default::default(),
        );
        reports[1]
            .findings()
            .filter(|d| d.code == "GZ201")
            .map(|d| d.message.zh.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(run("实有代表846人"), Vec::<String>::new());
    assert_eq!(run("实有代表847人"), vec!["实有代表人数不符：854 + 3 − 5 − 1 − 5 = 846，而公告写作847（起算数为55.md 中第55号公告的实有代表854）".to_string()]);
}

/// Every entry of notice 58 resolves to a post of the 直辖市 profile under the right action.
#[test]
fn every_entry_of_58_resolves_to_a_known_post_and_the_right_action() {
    use gazette::model::personnel::{verdict, Verdict};
    let report = gazette::report::check_bytes("seed.md", SEED.as_bytes(), &Default::default());
    let model = gazette::model::Model::new(&report.source, &report.document, None);
    let all = model.moves();
    // Person × post pairs, counted by hand on the printed list: 5 + 34 + 1 + 1 + 49 + 2.
    assert_eq!(
        all.iter().filter(|m| m.notice.number == Some(58)).count(),
        92
    );
    for m in all {
        assert!(m.rule.is_some(), "unknown post: {}", m.post.text);
        assert_eq!(
            verdict(m),
            Verdict::Fits,
            "{} {}",
            m.person.name.text,
            m.post.text
        );
    }
    let transfers = model.transfers();
    let found: Vec<(&str, &str)> = transfers
        .iter()
        .map(|t| (t.person.as_str(), t.kind))
        .collect();
    assert_eq!(
        found,
        [
            ("易晓东", "transfer"),
            ("王剑波", "transfer"),
            ("刘伟", "transfer"),
            ("蒋佩伏", "transfer"),
            ("余云中", "promotion"),
            ("彭贵", "transfer"),
            ("吴闻闻", "transfer"),
            ("何涛", "transfer"),
            ("童蕾", "transfer"),
            ("庞伟华", "transfer"),
        ]
    );
}

/// What the checker says about the seed page, rule by rule: the problems a reader of the
/// printed page would want flagged, and nothing else.
#[test]
fn the_seed_findings() {
    let report = gazette::report::check_bytes("seed.md", SEED.as_bytes(), &Default::default());
    let mut found: Vec<&str> = report.findings().map(|d| d.code).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "GZ003", // 「补选吴凯为重庆市第六届人民代表大会」 + 「常务委员会第十二次会议」: words lost in print
            "GZ004", // 「…依照地方组织法和选举法的有」 / 「关规定…」: a sentence cut by the page break
            "GZ101", "GZ101", "GZ101", "GZ101",
            "GZ101", // 「[六届]」 instead of 「〔六届〕」
            "GZ103", // 第58号 printed after 第64号
            "GZ305", // 「重庆市第六届人民代表大会委员会委员」: the committee's name is missing
            "GZ309", // 姜国杰 appointed 副市长, still 「市财政局局长」 in 第63号, not removed
            // Half-width 「( )」: four adoption lines, (草案) twice, three alternate names.
            "GZ601", "GZ601", "GZ601", "GZ601", "GZ601", "GZ601", "GZ601", "GZ601", "GZ601",
        ]
    );
}
