//! The grammar has no recursion, so a parse cannot go deeper than the grammar is tall.
//!
//! pest is built without its "std" feature (Cargo.toml): that feature probes the native stack
//! on every rule call, which cost ~7 % of a check, and is what stops a recursive grammar from
//! overflowing the stack on deeply nested input. Without it, a rule that reaches itself again
//! (directly or through others) would turn a long run of lines into a crash. This test reads
//! the grammar as pest does and fails on any cycle, naming it.

use std::collections::{BTreeMap, BTreeSet};

use pest_meta::ast::Expr;

fn references(expr: &Expr, out: &mut BTreeSet<String>) {
    match expr {
        Expr::Ident(name) => {
            out.insert(name.clone());
        }
        Expr::PosPred(e)
        | Expr::NegPred(e)
        | Expr::Opt(e)
        | Expr::Rep(e)
        | Expr::RepOnce(e)
        | Expr::RepExact(e, _)
        | Expr::RepMin(e, _)
        | Expr::RepMax(e, _)
        | Expr::RepMinMax(e, _, _)
        | Expr::Push(e) => references(e, out),
        Expr::Seq(a, b) | Expr::Choice(a, b) => {
            references(a, out);
            references(b, out);
        }
        Expr::Str(_) | Expr::Insens(_) | Expr::Range(..) | Expr::PeekSlice(..) | Expr::Skip(_) => {}
    }
}

fn rule_graph(grammar: &str) -> BTreeMap<String, BTreeSet<String>> {
    let pairs = pest_meta::parser::parse(pest_meta::parser::Rule::grammar_rules, grammar)
        .expect("the grammar parses");
    let rules = pest_meta::parser::consume_rules(pairs).expect("the grammar's rules are valid");
    let names: BTreeSet<String> = rules.iter().map(|r| r.name.clone()).collect();
    rules
        .iter()
        .map(|rule| {
            let mut refs = BTreeSet::new();
            references(&rule.expr, &mut refs);
            // Built-ins (ANY, NEWLINE, EOI, PUSH …) are not rules of the grammar.
            refs.retain(|r| names.contains(r));
            (rule.name.clone(), refs)
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
