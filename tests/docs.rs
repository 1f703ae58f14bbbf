//! The rules' documentation is generated from the registry: the README's table and
//! docs/rules/GZxxx.md. This test fails when they drift; `GAZETTE_UPDATE_DOCS=1 cargo test
//! --test docs` rewrites them.

use std::path::Path;

use gazette::check::RULES;
use gazette::docs;

fn update() -> bool {
    std::env::var_os("GAZETTE_UPDATE_DOCS").is_some_and(|v| v == "1")
}

#[test]
fn readme_rules_table_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let generated = docs::with_rules_table(&readme).expect("the README has the table markers");
    if update() {
        std::fs::write(&path, &generated).unwrap();
    }
    assert!(
        readme == generated,
        "README.md's rules table differs from the registry: run GAZETTE_UPDATE_DOCS=1 cargo test --test docs"
    );
    for rule in RULES {
        assert!(readme.contains(&format!("| [{}](docs/rules/{}.md) |", rule.code, rule.code)));
    }
}

#[test]
fn every_rule_has_its_generated_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("docs/rules");
    if update() {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for rule in RULES {
        let path = root.join(docs::rule_page_path(rule));
        let page = docs::rule_page(rule);
        if update() {
            std::fs::write(&path, &page).unwrap();
        }
        // A page is read where the repository is published: no files outside it.
        for outside in ["../", "RULES.md", "VARIANTS.md", "DESIGN.md"] {
            assert!(!page.contains(outside), "{} mentions {outside}", rule.code);
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
            stale.push(rule.code);
        }
    }
    // No page for a rule that is gone.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let code = name.trim_end_matches(".md");
        if !RULES.iter().any(|r| r.code == code) {
            stale.push(Box::leak(name.into_boxed_str()));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules/ differs from the registry for {stale:?}: run GAZETTE_UPDATE_DOCS=1 cargo test --test docs"
    );
}
