//! The grammar has no recursion, so a parse cannot go deeper than the grammar is tall.
//!
//! pest is built without its "std" feature (Cargo.toml): that feature probes the native stack
//! on every rule call, which cost ~7 % of a check, and is what stops a recursive grammar from
//! overflowing the stack on deeply nested input. Without it, a rule that reaches itself again
//! (directly or through others) would turn a long run of lines into a crash. This test reads
//! the grammar's rules and the rules each one calls, and fails on any cycle, naming it.

use std::collections::{BTreeMap, BTreeSet};

// Not pest_meta, which reads a grammar as pest does: as a dev-dependency it would turn pest's
// "std" feature (and its stack probe) back on in every test and benchmark build, so the
// benchmarks would time another parser than the one shipped. The grammar's own syntax is
// simple enough for this: comments, string and character literals removed, a rule is
// `name = modifier? { body }`, and any name of a rule in a body is a call.

/// The grammar without comments and literals (each replaced by a space).
fn without_literals(grammar: &str) -> String {
    let mut out = String::with_capacity(grammar.len());
    let mut chars = grammar.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' | '\'' => {
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn rule_graph(grammar: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = without_literals(grammar);
    let mut bodies: Vec<(String, String)> = Vec::new();
    let mut rest = text.as_str();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim_end();
        let name = &name[name.rfind(|c: char| !is_ident(c)).map_or(0, |i| i + 1)..];
        let after =
            rest[eq + 1..].trim_start_matches(|c: char| c.is_whitespace() || "_@$!".contains(c));
        assert!(
            after.starts_with('{') && !name.is_empty(),
            "cannot read the rule before: {}",
            &rest[eq..rest.len().min(eq + 40)]
        );
        let mut depth = 0;
        let mut end = 0;
        for (i, c) in after.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = i;
                break;
            }
        }
        bodies.push((name.to_string(), after[1..end].to_string()));
        rest = &after[end + 1..];
    }
    let names: BTreeSet<String> = bodies.iter().map(|(n, _)| n.clone()).collect();
    bodies
        .into_iter()
        .map(|(name, body)| {
            // Built-ins (ANY, NEWLINE, EOI, PUSH …) are not rules of the grammar.
            let refs = body
                .split(|c: char| !is_ident(c))
                .filter(|w| names.contains(*w))
                .map(str::to_string)
                .collect();
            (name, refs)
        })
        .collect()
}

/// The longest chain of rule calls from `rule`, or the cycle found on the way.
fn height(
    rule: &str,
    graph: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeMap<String, usize>,
) -> Result<usize, Vec<String>> {
    if let Some(&h) = done.get(rule) {
        return Ok(h);
    }
    if let Some(at) = path.iter().position(|r| r == rule) {
        let mut cycle = path[at..].to_vec();
        cycle.push(rule.to_string());
        return Err(cycle);
    }
    path.push(rule.to_string());
    let mut tallest = 0;
    for callee in &graph[rule] {
        tallest = tallest.max(height(callee, graph, path, done)?);
    }
    path.pop();
    done.insert(rule.to_string(), tallest + 1);
    Ok(tallest + 1)
}

fn grammar_height(grammar: &str) -> Result<usize, Vec<String>> {
    let graph = rule_graph(grammar);
    let mut done = BTreeMap::new();
    let mut tallest = 0;
    for rule in graph.keys() {
        tallest = tallest.max(height(rule, &graph, &mut Vec::new(), &mut done)?);
    }
    Ok(tallest)
}

#[test]
fn the_grammar_has_no_recursion() {
    let grammar = std::fs::read_to_string("grammar/notice.pest").unwrap();
    // Every rule is read, with what it calls.
    let graph = rule_graph(&grammar);
    let defined = grammar
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            let name = l.split(|c: char| !is_ident(c)).next().unwrap_or("");
            !name.is_empty() && l[name.len()..].trim_start().starts_with('=')
        })
        .count();
    assert_eq!(graph.len(), defined);
    assert!(graph["notice"].contains("press_lead") && graph["person"].contains("name"));
    assert!(!graph["han"].contains("HAN"), "built-ins are not rules");
    match grammar_height(&grammar) {
        Ok(height) => {
            // Each rule call is a few frames of generated code; far below any thread's stack.
            assert!(height < 60, "rule calls nest {height} deep");
        }
        Err(cycle) => panic!(
            "grammar/notice.pest is recursive: {} — pest runs without its stack probe \
             (Cargo.toml), so this could overflow the stack on long input; write the repetition \
             as `*`/`+` instead",
            cycle.join(" → ")
        ),
    }
}

/// The test above can fail: a grammar that calls itself is caught, directly or through others.
#[test]
fn a_recursive_grammar_is_caught() {
    let direct = "a = { \"x\" ~ &(a | b) }\nb = { \"y\" }";
    assert_eq!(
        grammar_height(direct),
        Err(vec!["a".to_string(), "a".to_string()])
    );
    let through = "a = { b? }\nb = { \"(\" ~ c ~ \")\" }\nc = { a }";
    let cycle = grammar_height(through).unwrap_err();
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
    assert_eq!(grammar_height("a = { b ~ b }\nb = { \"y\" }"), Ok(2));
}

/// The press lines above a header were the one recursion (each line looked ahead for the next):
/// a page of them is read in a test thread's default stack, as text, with no crash.
#[test]
fn a_long_run_of_press_lines_does_not_overflow() {
    let mut page = "（授权发布）\n".repeat(50_000);
    page.push_str("# 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n特此公告。\n");
    for doc in [
        gazette::syntax::parse_document(&page),
        gazette::syntax::parse_document_whole_page(&page),
    ] {
        assert_eq!(doc.notices().count(), 1);
    }
    let report = gazette::report::check_bytes("press.md", page.as_bytes(), &Default::default());
    assert!(report.encoding.is_some());
}
