//! The command line as users of other linters (ruff, typos) expect it: issue 13, item by item.
//! Each test names the item it proves.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "examples/chongqing-2024-11-28.md";

fn seed() -> String {
    std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap()
}

/// Runs gazette in `dir` with `env` set (and NO_COLOR, unless `env` says otherwise).
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)], input: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("FORCE_COLOR")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("run gazette");
    let mut stdin = child.stdin.take().unwrap();
    if let Some(bytes) = input {
        stdin.write_all(bytes).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn gazette(args: &[&str]) -> Output {
    run(Path::new(ROOT), args, &[], None)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(o)))
}

/// The codes reported in every file of a JSON run.
fn codes(o: &Output) -> Vec<String> {
    json(o)["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// A scratch directory holding `files` (relative path → content).
fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

// ─────────────────────────────── wrong results ───────────────────────────────

/// Item 1: `cd drafts && gazette check page.md` finds ../gazette.toml.
#[test]
fn item1_config_is_found_from_a_bare_file_name() {
    let seed = seed();
    let dir = scratch(&[
        ("gazette.toml", "ignore = [\"GZ1\", \"GZ6\"]\n"),
        ("drafts/page.md", &seed),
    ]);
    let drafts = dir.path().join("drafts");
    let found = codes(&run(
        &drafts,
        &["check", "--output-format", "json", "page.md"],
        &[],
        None,
    ));
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|c| !c.starts_with("GZ1") && !c.starts_with("GZ6")),
        "{found:?}"
    );
    let shown = run(&drafts, &["config", "--show", "page.md"], &[], None);
    assert!(
        out(&shown).contains("gazette.toml") && out(&shown).contains("GZ6"),
        "{}",
        out(&shown)
    );
}

/// Item 2: notices in code blocks and plain HTML comments are not checked; plain text is
/// read as before; the project's README gives no findings.
#[test]
fn item2_markdown_code_blocks_and_comments_are_opaque() {
    let readme = gazette(&["check", "--output-format", "json", "README.md"]);
    assert_eq!(codes(&readme), Vec::<String>::new());
    assert_eq!(readme.status.code(), Some(0));

    let seed = seed();
    let fenced = format!("说明：\n\n```markdown\n{seed}\n```\n");
    let indented = format!(
        "说明：\n\n{}\n",
        seed.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let commented = format!("说明：\n\n<!--\n{seed}\n-->\n");
    let dir = scratch(&[
        ("fenced.md", &fenced),
        ("indented.md", &indented),
        ("commented.md", &commented),
        ("fenced.txt", &fenced),
        ("open.md", &seed),
    ]);
    for name in ["fenced.md", "indented.md", "commented.md"] {
        let o = run(
            dir.path(),
            &["check", "--isolated", "--output-format", "json", name],
            &[],
            None,
        );
        assert_eq!(codes(&o), Vec::<String>::new(), "{name}");
    }
    // Plain text knows no fences: the notices are read and checked as before.
    let plain = run(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--output-format",
            "json",
            "fenced.txt",
        ],
        &[],
        None,
    );
    assert!(codes(&plain).contains(&"GZ103".to_string()));
    let open = run(
        dir.path(),
        &["check", "--isolated", "--output-format", "json", "open.md"],
        &[],
        None,
    );
    assert!(codes(&open).contains(&"GZ103".to_string()));
}

/// Item 2: a suppression directive shown in a code block is an example, not a directive;
/// one outside still works.
#[test]
fn item2_a_directive_in_a_code_block_is_not_read() {
    let seed = seed();
    let page = format!(
        "例如：\n\n```\n<!-- gazette-ignore-file -->\n```\n\n{}",
        seed.replacen(
            "## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
            "<!-- gazette-ignore GZ103 -->\n## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
            1
        )
    );
    let dir = scratch(&[("page.md", &page)]);
    let found = codes(&run(
        dir.path(),
        &["check", "--isolated", "--output-format", "json", "page.md"],
        &[],
        None,
    ));
    // The fenced file-wide directive would have silenced everything.
    assert!(found.contains(&"GZ003".to_string()), "{found:?}");
    assert!(!found.contains(&"GZ103".to_string()), "{found:?}");
    assert!(!found.contains(&"GZ009".to_string()), "{found:?}");
}

/// Item 3: `roster init PAGE > roster.toml` gets TOML or nothing on standard output; a page
/// already applied is refused unless forced.
#[test]
fn item3_roster_stdout_is_toml_only_and_reapplying_is_refused() {
    let refused = gazette(&["roster", "init", "--isolated", SEED]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(out(&refused), "", "findings must not go into the TOML");
    assert!(err(&refused).contains("GZ003"), "{}", err(&refused));

    let forced = gazette(&["roster", "init", "--isolated", "--force", SEED]);
    assert_eq!(forced.status.code(), Some(0), "{}", err(&forced));
    let text = out(&forced);
    gazette::roster::Roster::from_toml("init", &text).expect("standard output is a roster");

    let dir = scratch(&[("roster.toml", &text)]);
    let roster = dir.path().join("roster.toml");
    let roster = roster.to_str().unwrap();
    let seed_path = Path::new(ROOT).join(SEED);
    let seed_path = seed_path.to_str().unwrap();
    // init recorded last_notice = 64: applying the same page again would count it twice.
    let again = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--force",
        "--roster",
        roster,
        "--dry-run",
        seed_path,
    ]);
    assert_eq!(again.status.code(), Some(0), "--force applies anyway");
    assert!(err(&again).contains("已经应用过"), "{}", err(&again));
    let before = std::fs::read_to_string(roster).unwrap();
    let again = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--roster",
        roster,
        seed_path,
    ]);
    // GZ003 also stops it without --force; with the error gone only the number would:
    // check the refusal message on a clean page instead.
    assert_ne!(again.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(roster).unwrap(), before);

    let clean = "examples/variants/22_chongqing_2011.md";
    let init = gazette(&["roster", "init", "--isolated", clean]);
    assert_eq!(init.status.code(), Some(0), "{}", err(&init));
    let dir = scratch(&[("roster.toml", &out(&init))]);
    let roster = dir.path().join("roster.toml");
    let roster = roster.to_str().unwrap();
    let before = std::fs::read_to_string(roster).unwrap();
    let again = gazette(&["roster", "apply", "--isolated", "--roster", roster, clean]);
    assert_eq!(again.status.code(), Some(2), "{}", err(&again));
    assert!(err(&again).contains("已经应用过"), "{}", err(&again));
    assert_eq!(out(&again), "");
    assert_eq!(std::fs::read_to_string(roster).unwrap(), before);
}

/// Item 4: a missing file does not read as 「未发现问题」.
#[test]
fn item4_a_missing_file_is_said_not_passed() {
    let o = gazette(&["check", "no/such/page.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out(&o).contains("未发现问题"), "{}", out(&o));
    // What failed is said on standard error; standard output has no 「checked 0 files」.
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("no/such/page.md"), "{said}");
    assert!(!out(&o).contains("检查了 0 个文件"), "{}", out(&o));
}

/// The README's GitHub workflow, as YAML lines.
fn readme_workflow() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let start = readme.find("```yaml\nname: gazette").expect("the workflow");
    let body = &readme[start + "```yaml\n".len()..];
    body[..body.find("```").unwrap()]
        .lines()
        .map(String::from)
        .collect()
}

/// Item 5: the workflow's gazette steps, run as written: annotations fail the job, and the
/// SARIF upload still runs (`if: always()`) with a valid file; the binary comes from a cache.
#[test]
fn item5_the_readme_workflow_runs_and_uploads_sarif_after_findings() {
    let lines = readme_workflow();
    let steps: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.trim().strip_prefix("- run: "))
        .filter(|c| c.starts_with("gazette "))
        .collect();
    assert_eq!(steps.len(), 2, "{lines:?}");
    let upload = lines
        .iter()
        .position(|l| l.contains("upload-sarif"))
        .unwrap();
    assert!(
        lines[upload..upload + 3]
            .iter()
            .any(|l| l.contains("if: always()")),
        "the upload must run after a failing check: {lines:?}"
    );
    let install = lines
        .iter()
        .position(|l| l.contains("cargo install"))
        .unwrap();
    assert!(
        lines[install - 1..=install + 1]
            .iter()
            .any(|l| l.contains("cache-hit != 'true'")),
        "building is skipped when the cache has the binary: {lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("actions/cache@")));

    let seed = seed();
    let dir = scratch(&[("drafts/page.md", &seed)]);
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_gazette"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut results = Vec::new();
    for step in &steps {
        let o = Command::new("sh")
            .args(["-c", step])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        results.push(o);
    }
    let github = steps.iter().position(|s| s.contains("github")).unwrap();
    // Annotations: the job fails on findings, and says where.
    assert_eq!(
        results[github].status.code(),
        Some(1),
        "{}",
        err(&results[github])
    );
    assert!(out(&results[github]).contains("::error file=drafts/page.md"));
    let sarif_step = steps.iter().position(|s| s.contains("sarif")).unwrap();
    assert_eq!(results[sarif_step].status.code(), Some(1));
    // SARIF: written although the step fails, and valid for the upload.
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("gazette.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

/// Item 14: a fresh clone following the README reaches the documented output: the blocks
/// the README shows for the seed page are what `gazette check` prints, the counts too.
#[test]
fn item14_the_readme_shows_what_the_seed_check_prints() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let o = gazette(&["check", SEED]);
    assert_eq!(o.status.code(), Some(1));
    let printed = out(&o);
    let section =
        &readme[readme.find("## On a fresh machine").unwrap()..readme.find("## Using it").unwrap()];
    let blocks: Vec<&str> = section
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.strip_prefix('\n').unwrap_or(b))
        .filter(|b| !b.starts_with("sh\n"))
        .collect();
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    for block in blocks {
        assert!(
            printed.contains(block),
            "the README shows\n{block}\nbut gazette prints\n{printed}"
        );
    }
    let stats = json(&gazette(&[
        "check",
        "--statistics",
        "--output-format",
        "json",
        SEED,
    ]));
    assert!(section.contains(&format!("prints {} findings", stats["total"])));
    // One line per rule, with its count: 「- 9 style, GZ601 (fixable): …」.
    for rule in stats["statistics"].as_array().unwrap() {
        let (count, code) = (&rule["count"], rule["code"].as_str().unwrap());
        assert!(
            section
                .lines()
                .any(|l| l.starts_with(&format!("- {count} ")) && l.contains(code)),
            "{count} × {code} is not in the README's list"
        );
    }
}

// ─────────────────────────── ruff's semantics ───────────────────────────

fn seed_codes(args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--isolated", "--output-format", "json"];
    all.extend_from_slice(args);
    all.push(SEED);
    let mut found = codes(&gazette(&all));
    found.sort();
    found.dedup();
    found
}

/// Item 6: `--select` restricts, `--extend-select` adds, the most specific code wins.
#[test]
fn item6_select_restricts_and_extend_select_adds() {
    assert_eq!(seed_codes(&["--select", "GZ101"]), ["GZ101"]);
    assert_eq!(
        seed_codes(&["--select", "GZ1"]),
        ["GZ101", "GZ103", "GZ104"]
    );
    assert_eq!(
        seed_codes(&["--select", "GZ1", "--ignore", "GZ101"]),
        ["GZ103", "GZ104"]
    );
    // The more specific code wins over the prefix, either way round.
    assert_eq!(
        seed_codes(&["--ignore", "GZ1", "--select", "GZ103"]),
        ["GZ103"]
    );
    let defaults = seed_codes(&[]);
    assert!(defaults.contains(&"GZ003".into()) && !defaults.contains(&"GZ104".into()));
    let extended = seed_codes(&["--extend-select", "GZ104"]);
    assert_eq!(
        extended,
        [defaults.clone(), vec!["GZ104".into()]]
            .concat()
            .into_iter()
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        seed_codes(&["--extend-ignore", "GZ6"]),
        defaults
            .iter()
            .filter(|c| !c.starts_with("GZ6"))
            .cloned()
            .collect::<Vec<_>>()
    );
    // An unknown code on the command line is a usage error, as in the file.
    for flag in ["--select", "--extend-select", "--ignore", "--extend-ignore"] {
        let o = gazette(&["check", "--isolated", flag, "GZ999", SEED]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(err(&o).contains("GZ999"), "{}", err(&o));
    }
}

/// Item 6: the same in gazette.toml, and the command line's `--select` replaces the file's.
#[test]
fn item6_select_and_extend_select_in_gazette_toml() {
    let seed = seed();
    let dir = scratch(&[
        (
            "gazette.toml",
            "select = [\"GZ1\"]\nextend-ignore = [\"GZ101\"]\n",
        ),
        ("page.md", &seed),
    ]);
    let check = |args: &[&str]| {
        let mut all = vec!["check", "--output-format", "json"];
        all.extend_from_slice(args);
        all.push("page.md");
        let mut c = codes(&run(dir.path(), &all, &[], None));
        c.sort();
        c.dedup();
        c
    };
    assert_eq!(check(&[]), ["GZ103", "GZ104"]);
    assert_eq!(check(&["--select", "GZ003"]), ["GZ003"]);
    assert_eq!(
        check(&["--extend-select", "GZ003"]),
        ["GZ003", "GZ103", "GZ104"]
    );
    std::fs::write(
        dir.path().join("gazette.toml"),
        "extend-select = [\"GZ104\"]\n",
    )
    .unwrap();
    assert!(check(&[]).contains(&"GZ104".to_string()) && check(&[]).contains(&"GZ003".into()));
    std::fs::write(
        dir.path().join("gazette.toml"),
        "extend-select = [\"GZ999\"]\n",
    )
    .unwrap();
    let bad = run(dir.path(), &["check", "page.md"], &[], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(err(&bad).contains("GZ999"));
}

/// Item 6: a suppression comment naming an unknown code says so (GZ008), not GZ009.
#[test]
fn item6_an_unknown_code_in_a_suppression_comment_is_an_unknown_rule() {
    let seed = seed();
    let page = seed.replacen(
        "## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
        "<!-- gazette-ignore GZ340 -->\n## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
        1,
    );
    let dir = scratch(&[("page.md", &page)]);
    let o = run(
        dir.path(),
        &["check", "--isolated", "--output-format", "json", "page.md"],
        &[],
        None,
    );
    let found = codes(&o);
    assert!(found.contains(&"GZ008".to_string()), "{found:?}");
    assert!(!found.contains(&"GZ009".to_string()), "{found:?}");
    let v = json(&o);
    let unknown = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "GZ008")
        .unwrap();
    assert!(unknown["message"].as_str().unwrap().contains("GZ340"));
    let en = run(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--lang",
            "en",
            "--output-format",
            "concise",
            "page.md",
        ],
        &[],
        None,
    );
    assert!(out(&en).contains("unknown rule"), "{}", out(&en));
}

/// Item 7: --exit-zero, --quiet, --show-fixes, --color and FORCE_COLOR, --output-format
/// (and --format as its alias).
#[test]
fn item7_exit_zero_quiet_show_fixes_color_output_format() {
    let plain = gazette(&["check", "--isolated", SEED]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(out(&plain).contains("检查了 1 个文件"));
    let zero = gazette(&["check", "--isolated", "--exit-zero", SEED]);
    assert_eq!(zero.status.code(), Some(0));
    assert_eq!(out(&zero), out(&plain));
    // --exit-zero is not for errors: a missing file still exits 2.
    assert_eq!(
        gazette(&["check", "--exit-zero", "no/such.md"])
            .status
            .code(),
        Some(2)
    );

    let quiet = gazette(&["check", "--isolated", "--quiet", SEED]);
    assert!(out(&quiet).contains("GZ003"));
    assert!(!out(&quiet).contains("检查了"), "no summary");

    let seed = seed();
    let dir = scratch(&[("page.md", &seed)]);
    let shown = run(
        dir.path(),
        &["check", "--isolated", "--diff", "--show-fixes", "page.md"],
        &[],
        None,
    );
    assert!(
        err(&shown).contains("page.md:\n")
            && err(&shown).contains("5 × GZ101 (notice-number-format)"),
        "{}",
        err(&shown)
    );

    let colored = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["check", "--isolated"];
        all.extend_from_slice(args);
        all.push(SEED);
        out(&run(Path::new(ROOT), &all, env, None)).contains("\x1b[")
    };
    assert!(!colored(&[], &[]), "not a terminal: no colour");
    assert!(colored(&["--color", "always"], &[]));
    assert!(colored(&[], &[("FORCE_COLOR", "1")]));
    assert!(!colored(&["--color", "never"], &[("FORCE_COLOR", "1")]));

    let new_name = gazette(&["check", "--isolated", "--output-format", "concise", SEED]);
    let alias = gazette(&["check", "--isolated", "--format", "concise", SEED]);
    assert_eq!(out(&new_name), out(&alias));
    assert!(out(&new_name).starts_with(SEED));
}

/// The user's global git ignore file (core.excludesFile, or ~/.config/git/ignore) still
/// applies inside a git repository: the walker is told not to look for one only when no git
/// config names one and the default file does not exist.
#[test]
fn global_git_ignore_file_is_honoured() {
    let seed = seed();
    let home = scratch(&[("global-ignore", "drafts/\n")]);
    let repo = scratch(&[("page.md", &seed), ("drafts/page.md", &seed)]);
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let files = |env: &[(&str, &str)]| -> Vec<String> {
        let o = run(
            repo.path(),
            &["check", "--output-format", "json"],
            env,
            None,
        );
        json(&o)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    let home_dir = home.path().to_str().unwrap();
    let empty_system = home.path().join("no-system-config");
    let system = empty_system.to_str().unwrap();
    let base = [
        ("HOME", home_dir),
        ("XDG_CONFIG_HOME", ""),
        ("GIT_CONFIG_GLOBAL", ""),
        ("GIT_CONFIG_SYSTEM", system),
    ];
    // No global ignore file anywhere: both pages are checked.
    assert_eq!(files(&base), ["./drafts/page.md", "./page.md"]);
    // Named by core.excludesFile in ~/.gitconfig (spelt as git users spell it).
    let config = format!(
        "[core]\n\texcludesFile = {}\n",
        home.path().join("global-ignore").display()
    );
    std::fs::write(home.path().join(".gitconfig"), config).unwrap();
    assert_eq!(files(&base), ["./page.md"]);
    // The default place, ~/.config/git/ignore, with no config naming it.
    std::fs::remove_file(home.path().join(".gitconfig")).unwrap();
    std::fs::create_dir_all(home.path().join(".config/git")).unwrap();
    std::fs::write(home.path().join(".config/git/ignore"), "drafts/\n").unwrap();
    assert_eq!(files(&base), ["./page.md"]);
}

/// Item 8: no path checks `.`; `--force-exclude` applies .gazetteignore and `exclude` to
/// named files; `exclude` and `per-file-ignores` in gazette.toml.
#[test]
fn item8_default_path_force_exclude_exclude_and_per_file_ignores() {
    let seed = seed();
    let dir = scratch(&[
        ("page.md", &seed),
        ("old/page.md", &seed),
        ("archive/page.md", &seed),
        (".gazetteignore", "old/\n"),
        (
            "gazette.toml",
            "exclude = [\"archive/\"]\n[per-file-ignores]\n\"page.md\" = [\"GZ1\"]\n",
        ),
    ]);
    let o = run(dir.path(), &["check", "--output-format", "json"], &[], None);
    let v = json(&o);
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["./page.md"], "old/ and archive/ are left out");
    // per-file-ignores: page.md loses its GZ1 findings, nothing else.
    let found = codes(&o);
    assert!(found.iter().all(|c| !c.starts_with("GZ1")), "{found:?}");
    assert!(found.contains(&"GZ003".to_string()));

    // Named on the command line (as pre-commit does), they are checked...
    let named = run(
        dir.path(),
        &[
            "check",
            "--output-format",
            "json",
            "old/page.md",
            "archive/page.md",
        ],
        &[],
        None,
    );
    assert_eq!(json(&named)["files"].as_array().unwrap().len(), 2);
    // ...unless --force-exclude.
    let forced = run(
        dir.path(),
        &[
            "check",
            "--output-format",
            "json",
            "--force-exclude",
            "old/page.md",
            "archive/page.md",
            "page.md",
        ],
        &[],
        None,
    );
    let v = json(&forced);
    assert_eq!(v["files"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["files"][0]["path"], "page.md");
}

/// Item 9: `--fix -` prints the fixed text on standard output (the findings go to standard
/// error); `--fix` and `--diff` say how many fixes.
#[test]
fn item9_fix_on_standard_input_and_fix_counts() {
    let seed = seed();
    let o = run(
        Path::new(ROOT),
        &["check", "--isolated", "--fix", "-"],
        &[],
        Some(seed.as_bytes()),
    );
    let fixed = out(&o);
    assert_ne!(fixed, seed);
    assert!(fixed.contains("〔六届〕第56号") && !fixed.contains("[六届]第56号"));
    let joined = |t: &str| t.matches("和选举法的有关规定").count();
    assert_eq!(
        joined(&fixed),
        joined(&seed) + 1,
        "the broken paragraph is joined"
    );
    assert!(err(&o).contains("GZ003"), "what is left goes to stderr");
    assert!(
        err(&o).contains("修正了 15 个问题（1 个文件）"),
        "{}",
        err(&o)
    );
    assert_eq!(o.status.code(), Some(1), "the GZ003 error is left");

    let dir = scratch(&[("page.md", &seed)]);
    let diff = run(
        dir.path(),
        &["check", "--isolated", "--diff", "page.md"],
        &[],
        None,
    );
    assert!(
        err(&diff).contains("可自动修正 15 个问题（1 个文件）"),
        "{}",
        err(&diff)
    );
    let fix = run(
        dir.path(),
        &["check", "--isolated", "--fix", "page.md"],
        &[],
        None,
    );
    assert!(
        err(&fix).contains("修正了 15 个问题（1 个文件）"),
        "{}",
        err(&fix)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("page.md")).unwrap(),
        fixed
    );
    let en = run(
        dir.path(),
        &["check", "--isolated", "--lang", "en", "--fix", "page.md"],
        &[],
        None,
    );
    assert!(
        err(&en).contains("applied 0 fix(es) to 0 file(s)"),
        "{}",
        err(&en)
    );
}

/// Item 10: concise lines carry severity and `[*]`; `--statistics` under JSON with fixable
/// counts and a total; `--explain-skipped` in every format.
#[test]
fn item10_concise_statistics_and_notes_everywhere() {
    let concise = out(&gazette(&[
        "check",
        "--isolated",
        "--output-format",
        "concise",
        SEED,
    ]));
    assert!(
        concise.contains(&format!("{SEED}:107:1: style: GZ101 [*] ")),
        "{concise}"
    );
    assert!(concise.contains(&format!("{SEED}:109:72: error: GZ003 句子没有写完")));

    let stats = json(&gazette(&[
        "check",
        "--isolated",
        "--statistics",
        "--output-format",
        "json",
        SEED,
    ]));
    assert_eq!(stats["total"], 19);
    assert_eq!(stats["fixable"], 15);
    let gz101 = stats["statistics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "GZ101")
        .unwrap();
    assert_eq!(
        (gz101["count"].as_u64(), gz101["fixable"].as_u64()),
        (Some(5), Some(5))
    );
    let text = out(&gazette(&["check", "--isolated", "--statistics", SEED]));
    assert!(text.contains("19  合计，可自动修正 15"), "{text}");

    let notes = |format: &str| {
        out(&gazette(&[
            "check",
            "--isolated",
            "--explain-skipped",
            "--output-format",
            format,
            SEED,
        ]))
    };
    assert!(
        notes("concise").contains(": note: GZ201 "),
        "{}",
        notes("concise")
    );
    assert!(notes("github").contains("::notice "));
    let sarif: serde_json::Value = serde_json::from_str(&notes("sarif")).unwrap();
    assert!(sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "informational" && r["ruleId"] == "GZ201"));
    assert!(notes("human").contains("无法核对[GZ201]"));
    // Without the flag, no format shows them.
    let without = out(&gazette(&[
        "check",
        "--isolated",
        "--output-format",
        "concise",
        SEED,
    ]));
    assert!(!without.contains("note:"));
}

/// Item 11: files given together are one run; `--each-file` (or `each-file = true`) checks
/// each on its own.
#[test]
fn item11_each_file_checks_files_on_their_own() {
    let a = "examples/rules/gz201-series-a.md";
    let b = "examples/rules/gz201-series-b.md";
    let together = codes(&gazette(&[
        "check",
        "--isolated",
        "--output-format",
        "json",
        a,
        b,
    ]));
    assert!(together.contains(&"GZ201".to_string()), "{together:?}");
    let each = codes(&gazette(&[
        "check",
        "--isolated",
        "--each-file",
        "--output-format",
        "json",
        a,
        b,
    ]));
    assert!(!each.contains(&"GZ201".to_string()), "{each:?}");
    let dir = scratch(&[
        ("gazette.toml", "each-file = true\n"),
        (
            "a.md",
            &std::fs::read_to_string(Path::new(ROOT).join(a)).unwrap(),
        ),
        (
            "b.md",
            &std::fs::read_to_string(Path::new(ROOT).join(b)).unwrap(),
        ),
    ]);
    let from_config = codes(&run(
        dir.path(),
        &["check", "--output-format", "json", "a.md", "b.md"],
        &[],
        None,
    ));
    assert!(!from_config.contains(&"GZ201".to_string()));
}

// ───────────────────────────── CI and packaging ─────────────────────────────

/// Item 12: SARIF links every rule to its page, the tool to its home, fingerprints do not
/// move with unrelated edits, absolute paths are file:// URIs, relative ones use SRCROOT.
#[test]
fn item12_sarif_help_uris_fingerprints_and_uris() {
    let seed = seed();
    let moved = format!("编者按：以下为本期公告。\n\n另起一段。\n\n{seed}");
    let dir = scratch(&[("page.md", &seed), ("moved.md", &moved)]);
    let sarif = |name: &str| -> serde_json::Value {
        let o = run(
            dir.path(),
            &["check", "--isolated", "--output-format", "sarif", name],
            &[],
            None,
        );
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let v = sarif("page.md");
    let driver = &v["runs"][0]["tool"]["driver"];
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    for rule in driver["rules"].as_array().unwrap() {
        let uri = rule["helpUri"].as_str().unwrap();
        let code = rule["id"].as_str().unwrap();
        assert!(uri.ends_with(&format!("/docs/rules/{code}.md")), "{uri}");
        assert!(
            Path::new(ROOT)
                .join(format!("docs/rules/{code}.md"))
                .is_file(),
            "{code}'s page exists"
        );
    }
    let location = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "page.md");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");
    assert!(v["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("file:///"));

    let prints = |v: &serde_json::Value| -> Vec<(String, String, u64)> {
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["gazetteFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let (before, after) = (prints(&v), prints(&sarif("moved.md")));
    assert_eq!(before.len(), after.len());
    let unique: std::collections::BTreeSet<&String> = before.iter().map(|p| &p.1).collect();
    assert_eq!(unique.len(), before.len(), "one fingerprint per finding");
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&b.0, &b.1), (&a.0, &a.1), "same finding, same fingerprint");
        assert_eq!(a.2, b.2 + 4, "the lines did move");
    }

    let absolute = dir.path().join("page.md");
    let o = gazette(&[
        "check",
        "--isolated",
        "--output-format",
        "sarif",
        absolute.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let uri = v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/page.md"),
        "{uri}"
    );
}

/// Item 13: the pre-commit hook runs once for all files and only on notice files.
#[test]
fn item13_pre_commit_hook() {
    let hooks = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("require_serial: true"));
    assert!(!hooks
        .lines()
        .any(|l| l.trim_start().starts_with("types_or")));
    let files = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("files: "))
        .expect("a files pattern")
        .trim_matches(|c| c == '\'' || c == '"');
    let re = regex::Regex::new(files).unwrap();
    for yes in ["a.md", "drafts/第56号.markdown", "page.txt"] {
        assert!(re.is_match(yes), "{yes}");
    }
    for no in ["Cargo.toml", "src/main.rs", "notes.md.orig"] {
        assert!(!re.is_match(no), "{no}");
    }
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .unwrap();
    assert!(entry.contains("--force-exclude"), "pre-commit names files");
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    assert!(readme.contains("rev: v0.2.0"));
}

/// Item 14: what a fresh clone needs: LICENSE files for the licences declared, the
/// repository in Cargo.toml, no links outside the repository.
#[test]
fn item14_licences_repository_and_links() {
    let cargo = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    assert!(cargo.contains("license = \"MIT OR Apache-2.0\""));
    assert!(cargo.contains("repository = \"https://"));
    let mit = std::fs::read_to_string(Path::new(ROOT).join("LICENSE-MIT")).unwrap();
    assert!(mit.contains("Permission is hereby granted"));
    let apache = std::fs::read_to_string(Path::new(ROOT).join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0"));
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    assert!(!readme.contains("../"), "no links outside the repository");
    assert!(readme.contains("cargo install --locked --path ."));
    // Every relative link of the README points at a file of the repository.
    let link = regex::Regex::new(r"\]\(([^)#:]+)(#[^)]*)?\)").unwrap();
    for c in link.captures_iter(&readme) {
        assert!(Path::new(ROOT).join(&c[1]).exists(), "{}", &c[1]);
    }
}

/// Item 15: human output fits 80 columns when it is not a terminal (CJK characters count
/// two), so no underline is broken by the terminal's wrapping; `help:` and the location
/// read in the message language; the GZ003 excerpt shows the clause it is about; the
/// messages use a clerk's words.
#[test]
fn item15_human_output_fits_speaks_the_language_and_a_clerks_words() {
    use unicode_width::UnicodeWidthStr;
    let all = gazette(&["check", "--isolated", "--explain-skipped", "examples/"]);
    let text = out(&all);
    assert!(text.len() > 10_000, "the examples give plenty of findings");
    for line in text.lines() {
        // Excerpt, underline and help lines; the header line is the message itself.
        let drawn = line.starts_with(' ');
        assert!(
            !drawn || line.width() <= 80,
            "{} columns: {line}",
            line.width()
        );
    }
    assert!(text.contains("  位置：examples/") && text.contains("  帮助："));
    assert!(!text
        .lines()
        .any(|l| l.starts_with("  -->") || l.starts_with("  help:")));
    assert!(!text.contains("辖区"), "no 「辖区配置」 in messages");
    let en = out(&gazette(&["check", "--isolated", "--lang", "en", SEED]));
    assert!(en.contains("  --> examples/") && en.contains("  help: "));
    assert!(!en.contains("帮助："));

    let seed = out(&gazette(&[
        "check",
        "--isolated",
        "--select",
        "GZ003",
        SEED,
    ]));
    let excerpt = seed
        .lines()
        .find(|l| l.starts_with(" 109 │"))
        .expect("the GZ003 excerpt");
    assert!(excerpt.contains("补选吴凯为"), "{excerpt}");
    // The underline still stands under the unexpected words.
    let underline = seed
        .lines()
        .skip_while(|l| !l.starts_with(" 109 │"))
        .nth(1)
        .unwrap();
    // (The related label 「另起一句」 underlines the run-in sentence too, further left.)
    let prefix = &excerpt[..excerpt.find("常务委员会第十二次").unwrap()];
    let mut column = 0;
    let at = underline.chars().find(|c| {
        let found = column == prefix.width();
        column += c.to_string().width();
        found
    });
    assert_eq!(at, Some('─'), "{excerpt}\n{underline}");

    let explained = out(&gazette(&["explain", "GZ305"]));
    assert!(!explained.contains("辖区"), "{explained}");
}

/// Item 16: shell completions and the man page come from the command's definition.
#[test]
fn item16_completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = gazette(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = out(&o);
        assert!(script.contains("output-format"), "{shell}");
        assert!(script.contains("extend-select"), "{shell}");
    }
    assert_eq!(gazette(&["completions", "tcsh"]).status.code(), Some(2));
    let man = gazette(&["manpage"]);
    assert_eq!(man.status.code(), Some(0));
    let page = out(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH gazette"),
        "{page}"
    );
    assert!(page.contains(".TH gazette"));
    assert!(page.contains("check"));
}
