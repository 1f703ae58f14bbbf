//! The grammar's fast mode (grammar/notice.pest, `fast_mode`) skips attempts that a cheap
//! necessary condition proves would fail. Each fast root must accept exactly what its exact
//! root accepts, with the same pairs: checked here on every line (entries, paragraphs) and
//! every clause start (clauses, the start of a body) of every file under `examples/` (the real
//! forms included) and of generated pages. The page step in fast mode is
//! checked by tests/page_layer.rs, which compares the page read step by step with the page
//! parsed whole by the exact `Rule::document`.

#[path = "../benches/support/corpus.rs"]
mod corpus;

mod common;

use gazette::syntax::{clause_form_rules, clause_reading, probe, NoticeParser, Rule, PROBES};
use pest::Parser;

const SEPARATORS: &[char] = &['，', ',', '；', ';', '。', '：', ':', '、'];

/// Every pair of a parse as (rule, start, end), the root's own rule left out (the two roots
/// have different names).
fn flat(text: &str, rule: Rule) -> Option<Vec<(Rule, usize, usize)>> {
    let pairs = NoticeParser::parse(rule, text).ok()?;
    let mut out = Vec::new();
    for root in pairs {
        out.push((Rule::EOI, root.as_span().start(), root.as_span().end()));
        for p in root.into_inner().flatten() {
            out.push((p.as_rule(), p.as_span().start(), p.as_span().end()));
        }
    }
    Some(out)
}

/// Compares the two roots at the start of `line` and after every separator in it; returns
/// how many starts were compared and how many of them parsed.
fn compare_line(what: &str, line: &str) -> (usize, usize) {
    let mut starts = vec![0];
    starts.extend(
        line.char_indices()
            .filter(|(_, c)| SEPARATORS.contains(c))
            .map(|(i, c)| i + c.len_utf8()),
    );
    let mut parsed = 0;
    for &s in &starts {
        let rest = &line[s..];
        if rest.trim().is_empty() {
            continue;
        }
        let exact = flat(rest, Rule::clause_item_root);
        let fast = flat(rest, Rule::clause_item_fast_root);
        assert_eq!(
            exact, fast,
            "{what}: fast and exact clause roots differ on 「{rest}」"
        );
        parsed += usize::from(exact.is_some());
        compare_forms(what, rest);
        assert_eq!(
            flat(rest, Rule::body_start_root),
            flat(rest, Rule::body_start_fast_root),
            "{what}: fast and exact body-start roots differ on 「{rest}」"
        );
    }
    for (exact, fast) in [
        (Rule::entry_root, Rule::entry_fast_root),
        (Rule::paragraph_root, Rule::paragraph_fast_root),
    ] {
        let e = flat(line, exact);
        assert_eq!(
            e,
            flat(line, fast),
            "{what}: {exact:?} differs in fast mode on 「{line}」"
        );
        parsed += usize::from(e.is_some());
    }
    (starts.len(), parsed)
}

/// The clause read form by form (src/syntax/lower/clause_forms.rs) against the grammar's
/// `clause_item_root`: the same pairs, end and length wherever the form-by-form reading gives
/// one, and a reading wherever the grammar has one.
fn compare_forms(what: &str, rest: &str) {
    let grammar = clause_reading(rest, false);
    match clause_reading(rest, true) {
        Some(forms) => assert_eq!(
            Some(&forms),
            grammar.as_ref(),
            "{what}: the clause read form by form differs from the grammar's on 「{rest}」"
        ),
        // Where it gives none, the lowering asks the grammar; that must then fail too, or the
        // form-by-form reading skipped a form that matches (a condition too strict).
        None => assert_eq!(
            grammar, None,
            "{what}: the grammar reads a clause the forms missed in 「{rest}」"
        ),
    }
}

fn compare_text(what: &str, text: &str) -> (usize, usize) {
    let mut total = (0, 0);
    for line in text.lines() {
        let (n, p) = compare_line(what, line);
        total.0 += n;
        total.1 += p;
    }
    total
}

#[test]
fn fast_clause_root_equals_the_exact_one_on_every_example_and_real_form() {
    let mut total = (0, 0);
    for path in common::example_files() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = String::from_utf8(bytes) else {
            continue; // the encoding examples (GB18030, UTF-16)
        };
        let (n, p) = compare_text(&path.display().to_string(), &text);
        total.0 += n;
        total.1 += p;
    }
    // Not vacuous: thousands of starts, hundreds of them clauses that parse.
    assert!(total.0 > 5_000 && total.1 > 500, "compared {total:?}");
}

#[test]
fn fast_clause_root_equals_the_exact_one_on_generated_pages() {
    let mut total = (0, 0);
    for page in corpus::pages(15, 40) {
        let (n, p) = compare_text(&page.name, &page.text);
        total.0 += n;
        total.1 += p;
    }
    assert!(total.0 > 5_000 && total.1 > 500, "compared {total:?}");
}

/// The necessary condition is what fast mode relies on; these are the cases at its edge: the
/// congress word just before a separator, right after one, broken by a line, and absent.
#[test]
fn fast_mode_edges() {
    for text in [
        "重庆市第六届人民代表大会代表张国智调离重庆市",
        "张国智的重庆市第六届人民代表大会代表资格终止。",
        "市八届人大现实有代表270名",
        "截至目前，重庆市第六届人民代表大会实有代表846人。",
        "重庆市第六届人民\n代表大会实有代表846人",
        "实有代表846人",
        "重庆市第六届常务委员会第十二次会议决定",
        "依照代表法的有关规定，张国智的代表资格终止。",
        "补选姜国杰、蒋德阳为重庆市第六届人民代表大会代表",
        "大渡口区人民代表大会选出的重庆市第六届人民代表大会代表张国智、王军调离重庆市",
        "广安选出的李芳华辞去四川省第十三届人民代表大会代表职务",
        "决定罢免刘定青省十二届人大代表职务",
        "中华人民共和国第十一届全国人民代表大会代表",
        "多来提曼·开米克的代表资格终止",
        "市八届人大代表 王　军因病去世",
        "湖北省人大常委会第十次会议确认王军的代表资格有效",
        "全国人民代表大会常务委员会对王军代表的去世表示哀悼",
        "重庆市第六届人民代表大会第三次会议时实有代表861名",
        "垫江县人民代表大会常务委员会补选姜国杰、江津区人民代表大会常务委员会补选蒋德阳为重庆市第六届人民代表大会代表",
        "台州军分区于2024年1月7日召开军人代表大会依法补选王军为市六届人大代表",
        "内蒙古自治区、辽宁省人民代表大会常务委员会分别补选王军、李四为第十三届全国人民代表大会代表",
        // A separator inside a person's parenthesis is inside the clause (clause_forms.rs,
        // `bounded`); one after an unmatched bracket or a quotation mark too.
        "王蓉蓉（北京，女）、李江（湖南，男）的第十三届全国人民代表大会代表资格终止。",
        "王蓉蓉（北京“，女）的代表资格终止",
        "王蓉蓉（北京，女）调离重庆市，其代表资格终止",
        "李江）、王蓉蓉（北京，女）的代表资格终止",
        "第十三届全国人民代表大会代表王蓉蓉（北京，女），因工作调动调离北京",
        "市人大常委会会议采取等额选举的办法，补选王军为市六届人大代表",
        "王军（辞职），李江（调离）",
    ] {
        compare_line("edge", text);
    }
    // A congress word after the separator does not let a congress be read before it.
    assert_eq!(
        flat("重庆市第六届，人民代表大会", Rule::clause_item_fast_root),
        None
    );
    assert_eq!(
        flat("重庆市第六届，人民代表大会", Rule::clause_item_root),
        None
    );
}

/// Text damaged as drafts are (a character lost, a word doubled), so that the forms' conditions
/// meet clauses that fail and clauses that read as another form: every line of the examples with
/// its n-th character removed, for a few n.
#[test]
fn clause_forms_equal_the_grammar_on_damaged_lines() {
    let mut compared = 0;
    for path in common::example_files() {
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else {
            continue;
        };
        for line in text.lines().filter(|l| l.chars().count() > 8) {
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            for k in [1, 3, 6, 10, 15] {
                let Some(&(i, c)) = chars.get(k) else { break };
                let damaged = format!("{}{}", &line[..i], &line[i + c.len_utf8()..]);
                for (s, _) in damaged
                    .char_indices()
                    .filter(|(_, c)| SEPARATORS.contains(c) || *c == '的')
                {
                    compare_forms(&path.display().to_string(), &damaged[s..]);
                    compared += 1;
                }
                compare_forms(&path.display().to_string(), &damaged);
                compared += 1;
            }
        }
    }
    assert!(compared > 5_000, "compared {compared}");
}

/// The forms tried one by one are `clause_core`'s alternatives, all of them and in its order,
/// and each form's root reads its fact alone in fast mode.
#[test]
fn clause_forms_are_the_alternatives_of_clause_core() {
    let grammar = include_str!("../grammar/notice.pest");
    let code: String = grammar
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let start = code
        .find("clause_core = {")
        .expect("clause_core in the grammar");
    let body = &code[start + "clause_core = {".len()..];
    let body = &body[..body.find('}').unwrap()];
    let alternatives: Vec<&str> = body.split('|').map(str::trim).collect();
    let forms = clause_form_rules();
    let facts: Vec<String> = forms.iter().map(|(f, _)| format!("{f:?}")).collect();
    assert_eq!(facts, alternatives);
    // The reading's shape is the clause's: a fact, or openers and then perhaps a fact.
    for line in [
        "clause        = { clause_core | clause_prefix+ ~ clause_core? }",
        "clause_prefix_form = _{ SOI ~ PUSH(\"\") ~ clause_prefix? }",
        "clause_item_root   = { SOI ~ clause ~ (clause_sep | &EOI) }",
        "clause_sep       = { comma | semicolon | full_stop | colon }",
    ] {
        assert!(code.contains(line), "the grammar lacks 「{line}」");
    }
    for (fact, root) in forms {
        let line = format!("{root:?} = _{{ SOI ~ PUSH(\"\") ~ {fact:?}? }}");
        assert!(code.contains(&line), "the grammar lacks 「{line}」");
    }
}

/// The text of every example and real form that is UTF-8, and 20 generated pages.
fn examples_and_pages() -> Vec<String> {
    let mut texts: Vec<String> = common::example_files()
        .into_iter()
        .filter_map(|path| String::from_utf8(std::fs::read(&path).unwrap()).ok())
        .collect();
    texts.extend(corpus::pages(15, 20).into_iter().map(|p| p.text));
    texts
}

/// Every pair of a parse, the root's included, as (rule, start, end).
fn all_pairs(pairs: pest::iterators::Pairs<'_, Rule>) -> Vec<(Rule, usize, usize)> {
    pairs
        .flatten()
        .map(|p| (p.as_rule(), p.as_span().start(), p.as_span().end()))
        .collect()
}

/// A probe reads what its root reads, with the same pairs, and succeeds empty where the root
/// fails: on every line of the examples, the real forms and generated pages, from its start
/// and after every separator.
#[test]
fn every_probe_reads_what_its_root_reads() {
    let mut texts = examples_and_pages();
    // A deputies' report's title, which no example prints at a line's start.
    texts
        .push("关于确认李明远等3名代表的代表资格的审查报告\n关于王小红代表的代表资格的报告".into());
    let (mut compared, mut read) = ([0usize; PROBES.len()], [0usize; PROBES.len()]);
    for line in texts.iter().flat_map(|t| t.lines()) {
        let mut starts = vec![0];
        starts.extend(
            line.char_indices()
                .filter(|(_, c)| SEPARATORS.contains(c))
                .map(|(i, c)| i + c.len_utf8()),
        );
        for s in starts {
            let rest = line[s..].trim_start_matches(['#', ' ', '　']);
            for (k, &(root, _)) in PROBES.iter().enumerate() {
                assert_ne!(probe(root), root, "{root:?} has no probe");
                let by_root = NoticeParser::parse(root, rest).ok().map(all_pairs);
                let by_probe = NoticeParser::parse(probe(root), rest)
                    .map(all_pairs)
                    .unwrap_or_else(|e| panic!("the probe of {root:?} failed on 「{rest}」: {e}"));
                let by_probe = (!by_probe.is_empty()).then_some(by_probe);
                assert_eq!(
                    by_root, by_probe,
                    "{root:?} and its probe differ on 「{rest}」"
                );
                compared[k] += 1;
                read[k] += usize::from(by_root.is_some());
            }
        }
    }
    // Not vacuous: every root read somewhere (so both branches of each probe were taken).
    for (k, (root, _)) in PROBES.iter().enumerate() {
        assert!(
            compared[k] > 5_000 && read[k] > 0,
            "{root:?}: {} compared, {} read",
            compared[k],
            read[k]
        );
    }
}

/// `line_may_head` (tested first by `notice_line`) holds at every line start where a notice's
/// header, a foreign heading or a closing begins: on the examples, the real forms, generated
/// pages and the edges of its condition (a heading mark, a press line before the issuer,
/// spaces before 公告, a spaced 公 告, a header on two lines, a signature with trailing spaces,
/// CRLF and CR breaks).
#[test]
fn a_line_that_begins_a_header_or_closing_may_head() {
    let mut texts = examples_and_pages();
    texts.extend(
        [
            "## 临江市人民代表大会常务委员会公告\n",
            "新华社北京3月5日电 全国人民代表大会常务委员会　公告\n",
            "临江市人大常委会  公  告\r\n〔五届〕第3号\r\n",
            "临江市人民代表大会常务委员会\n\n公 告\n",
            "临江市人民代表大会常务委员会关于李明远同志职务任免的公告\r",
            "临江市人民代表大会常务委员会任免名单\n",
            "临江市人民代表大会常务委员会免职名单",
            "临江市人民代表大会常务委员会　 \n2024年3月5日\n",
            "临江市人大常委会\r\n2024年3月5日",
            "# 附件\n",
        ]
        .map(String::from),
    );
    let (mut heads, mut lines) = (0, 0);
    for text in &texts {
        let starts = std::iter::once(0).chain(
            text.match_indices(['\n', '\r'])
                .map(|(i, b)| i + b.len())
                .filter(|&i| !text[..i].ends_with('\r') || !text[i..].starts_with('\n')),
        );
        for start in starts {
            let rest = &text[start..];
            lines += 1;
            if NoticeParser::parse(Rule::line_head_root, rest).is_ok() {
                heads += 1;
                assert!(
                    NoticeParser::parse(Rule::line_may_head_root, rest).is_ok(),
                    "a header or closing begins here but line_may_head fails: 「{}」",
                    rest.lines().next().unwrap_or("")
                );
            }
        }
    }
    assert!(
        lines > 5_000 && heads > 500,
        "{heads} heads of {lines} lines"
    );
}
