//! The command line as a user meets it: exit codes, stdin, formats, explain, parse.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = "examples/chongqing-2024-11-28.md";
const CLEAN: &str = "examples/variants/02_npc11_2011.md";

fn gazette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run gazette")
}

fn gazette_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gazette");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("valid JSON on stdout")
}

#[test]
fn findings_exit_1_and_a_clean_notice_exits_0() {
    assert_eq!(gazette(&["check", SEED]).status.code(), Some(1));
    let clean = gazette(&["check", CLEAN]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("未发现问题"));
}

#[test]
fn fail_on_sets_the_level_that_fails() {
    // The seed has an error: it fails at every level.
    assert_eq!(
        gazette(&["check", "--fail-on", "error", SEED])
            .status
            .code(),
        Some(1)
    );
    // A page whose only findings are style fails only with --fail-on style.
    let style_only = "examples/variants/22_chongqing_2011.md";
    assert_eq!(gazette(&["check", style_only]).status.code(), Some(0));
    assert_eq!(
        gazette(&["check", "--fail-on", "style", style_only])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn missing_file_and_usage_errors_exit_2() {
    let missing = gazette(&["check", "no/such/file.md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.md"));
    assert_eq!(gazette(&["check"]).status.code(), Some(2));
    assert_eq!(
        gazette(&["check", "--format", "xml", SEED]).status.code(),
        Some(2)
    );
}

#[test]
fn undecodable_input_is_gz001_and_exits_2() {
    // A notice whose last character lost its final byte.
    let mut bytes = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n截至目前"
        .as_bytes()
        .to_vec();
    bytes.pop();
    let out = gazette_stdin(&["check", "--format", "json", "-"], &bytes);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "GZ001");
    assert!(d["message"].as_str().unwrap().contains("字节"));
    assert!(v["files"][0]["encoding"].is_null());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let seed = std::fs::read(format!("{}/{SEED}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let out = gazette_stdin(&["check", "--format", "json", "-"], &seed);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn json_output_follows_the_schema() {
    let out = gazette(&["check", "--format", "json", SEED, CLEAN]);
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "every file is listed, clean ones too");
    assert_eq!(files[1]["diagnostics"].as_array().unwrap().len(), 0);
    // The seed's total 846 cannot be verified (no starting count): a note, not a finding.
    let notes = files[0]["notes"].as_array().unwrap();
    assert!(notes
        .iter()
        .any(|n| n["code"] == "GZ201" && n["severity"] == "note"));
    assert_eq!(files[0]["encoding"], "utf-8");
    for d in files[0]["diagnostics"].as_array().unwrap() {
        for key in [
            "code", "name", "severity", "message", "help", "range", "labels", "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key}");
        }
        for end in ["start", "end"] {
            for key in ["byte", "line", "column", "column_utf16"] {
                assert!(d["range"][end][key].is_u64(), "range.{end}.{key}");
            }
        }
    }
    let summary = &v["summary"];
    assert_eq!(summary["files"], 2);
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["warnings"], 4); // GZ004, GZ103, GZ305, GZ309
    assert_eq!(summary["style"], 14); // GZ101 ×5, GZ601 ×9
}

#[test]
fn english_messages_with_lang_en() {
    let out = gazette(&["check", "--lang", "en", SEED]);
    let text = stdout(&out);
    assert!(text.contains(
        "error[GZ003] syntax-error: a sentence breaks off: 「代表」 (deputy) was expected here"
    ));
    assert!(text.contains("Checked 1 file(s)"));
}

#[test]
fn explain_prints_a_rule_and_lists_them_all() {
    let one = gazette(&["explain", "GZ303"]);
    assert_eq!(one.status.code(), Some(0));
    let text = stdout(&one);
    assert!(text.starts_with("# GZ303 entry-punctuation (style)"));
    assert!(text.contains("GB/T 15834-2011"));
    let by_name = gazette(&["explain", "entry-punctuation"]);
    assert_eq!(stdout(&by_name), text);
    let all = stdout(&gazette(&["explain"]));
    for code in ["GZ001", "GZ003", "GZ101", "GZ104", "GZ312"] {
        assert!(all.contains(code), "{code} listed");
    }
    assert_eq!(gazette(&["explain", "GZ999"]).status.code(), Some(2));
}

#[test]
fn parse_prints_notices_with_kind_issuer_term_and_number() {
    let out = gazette(&["parse", "--format", "json", SEED]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let notices: Vec<&serde_json::Value> = v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "notice")
        .collect();
    let summary: Vec<(String, String, u64, u64)> = notices
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_string(),
                n["issuer"].as_str().unwrap().to_string(),
                n["term"].as_u64().unwrap(),
                n["number"].as_u64().unwrap(),
            )
        })
        .collect();
    let k = |kind: &str, number| {
        (
            kind.to_string(),
            "重庆市人民代表大会常务委员会".to_string(),
            6,
            number,
        )
    };
    assert_eq!(
        summary,
        vec![
            k("qualification", 56),
            k("decision", 57),
            k("decision", 63),
            k("decision", 64),
            k("personnel", 58)
        ]
    );
    // A notice without a number has null there.
    let none = json(&gazette(&[
        "parse",
        "examples/variants/21_liaoyuan_2018.md",
    ]));
    let n = none["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "notice")
        .unwrap();
    assert!(n["number"].is_null() && n["term"].is_null());
}

#[test]
fn directories_are_walked_for_notice_files() {
    let out = gazette(&["check", "--format", "json", "examples/variants"]);
    let v = json(&out);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.len() >= 28);
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "stable order");
}

#[test]
fn human_output_points_at_characters_not_bytes() {
    let text = stdout(&gazette(&["check", SEED]));
    // 「代表」 is expected at the 72nd character of line 109 (the byte column would be 214).
    assert!(text.contains("examples/chongqing-2024-11-28.md:109:72"));
    assert!(text.contains("此处应为「代表」"));
    assert!(
        !text.contains("\u{1b}["),
        "no colour when NO_COLOR is set or not a terminal"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_with_exit_2() {
    let dir = std::env::temp_dir().join(format!("gazette-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.md");
    std::fs::write(&big, "重".repeat(400_000)).unwrap(); // 1.2 MB
    let out = gazette(&["check", "--max-file-size", "1", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-file-size"));
    let ok = gazette(&["check", "--max-file-size", "2", big.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A scratch directory with the seed page in it, removed on drop.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("gazette-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let seed = std::fs::read(format!("{}/{SEED}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(dir.join("page.md"), seed).unwrap();
        Scratch(dir)
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn codes_of(out: &Output) -> Vec<(String, String)> {
    json(out)["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn gazette_toml_is_found_upwards_and_sets_rules_and_severities() {
    let s = Scratch::new("config");
    let sub = s.0.join("drafts");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::rename(s.0.join("page.md"), sub.join("page.md")).unwrap();
    std::fs::write(s.0.join("gazette.toml"), "ignore = [\"GZ1\", \"GZ6\"]\nfail-on = \"error\"\n[severity]\nGZ305 = \"error\"\nGZ309 = \"off\"\n").unwrap();
    let page = sub.join("page.md").display().to_string();
    let out = gazette(&["check", "--format", "json", &page]);
    let found = codes_of(&out);
    assert!(
        found
            .iter()
            .all(|(c, _)| !c.starts_with("GZ1") && !c.starts_with("GZ6") && c != "GZ309"),
        "{found:?}"
    );
    assert!(found.contains(&("GZ305".into(), "error".into())));
    // fail-on = error: the GZ003 and GZ305 errors fail the run.
    assert_eq!(out.status.code(), Some(1));
    // Flags win over the file; --isolated reads none.
    let all = codes_of(&gazette(&[
        "check",
        "--format",
        "json",
        "--isolated",
        &page,
    ]));
    assert!(all.iter().any(|(c, _)| c == "GZ103"));
    // config --show names the file.
    let shown = stdout(&gazette(&["config", "--show", &sub.display().to_string()]));
    assert!(shown.contains("gazette.toml") && shown.contains("GZ305 = \"error\""));
    // An unknown key is an error with its line.
    std::fs::write(s.0.join("gazette.toml"), "ignore = []\ncolour = true\n").unwrap();
    let bad = gazette(&["check", &page]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("gazette.toml:2:1"));
}

#[test]
fn suppression_comments_and_unused_ones() {
    let s = Scratch::new("suppress");
    let page = std::fs::read_to_string(s.path("page.md")).unwrap();
    let suppressed = page.replacen(
        "## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
        "<!-- gazette-ignore GZ103 reason: 版面需要 -->\n## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号",
        1,
    );
    std::fs::write(s.path("page.md"), &suppressed).unwrap();
    let found = codes_of(&gazette(&[
        "check",
        "--format",
        "json",
        "--isolated",
        &s.path("page.md"),
    ]));
    assert!(!found.iter().any(|(c, _)| c == "GZ103"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "GZ009"));
    // A comment for a rule that does not fire there is reported.
    std::fs::write(
        s.path("page.md"),
        suppressed.replace("gazette-ignore GZ103", "gazette-ignore GZ340"),
    )
    .unwrap();
    let found = codes_of(&gazette(&[
        "check",
        "--format",
        "json",
        "--isolated",
        &s.path("page.md"),
    ]));
    // GZ340 names no rule: said as such (GZ008), not as a comment that suppresses nothing.
    assert!(found.iter().any(|(c, _)| c == "GZ008"));
    assert!(!found.iter().any(|(c, _)| c == "GZ009"));
    assert!(found.iter().any(|(c, _)| c == "GZ103"));
}

#[test]
fn stdin_filename_output_file_and_statistics() {
    let s = Scratch::new("outputs");
    let seed = std::fs::read(s.path("page.md")).unwrap();
    let out = gazette_stdin(
        &[
            "check",
            "--format",
            "concise",
            "--isolated",
            "--stdin-filename",
            "drafts/第56号.md",
            "-",
        ],
        &seed,
    );
    assert!(stdout(&out)
        .lines()
        .all(|l| l.starts_with("drafts/第56号.md:")));
    let file = s.path("out.sarif");
    let written = gazette(&[
        "check",
        "--format",
        "sarif",
        "--isolated",
        "--output-file",
        &file,
        &s.path("page.md"),
    ]);
    assert!(stdout(&written).is_empty());
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let stats = stdout(&gazette(&[
        "check",
        "--statistics",
        "--isolated",
        &s.path("page.md"),
    ]));
    assert!(
        stats
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [
                    "5",
                    "GZ101",
                    "[*]",
                    "notice-number-format",
                    "（可自动修正",
                    "5）"
                ]),
        "{stats}"
    );
}

#[test]
fn gazetteignore_glob_and_a_bad_config_under_json() {
    let s = Scratch::new("walk");
    std::fs::create_dir_all(s.0.join("old")).unwrap();
    std::fs::copy(s.path("page.md"), s.0.join("old/page.md")).unwrap();
    std::fs::copy(s.path("page.md"), s.path("page.txt")).unwrap();
    std::fs::write(s.path(".gazetteignore"), "old/\n").unwrap();
    let dir = s.0.display().to_string();
    let listed = |out: &Output| -> Vec<String> {
        json(out)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                f["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        listed(&gazette(&["check", "--isolated", "--format", "json", &dir])),
        ["page.md", "page.txt"]
    );
    assert_eq!(
        listed(&gazette(&[
            "check",
            "--isolated",
            "--format",
            "json",
            "--glob",
            "*.txt",
            &dir
        ])),
        ["page.txt"]
    );
    std::fs::write(s.path("gazette.toml"), "bogus = 1\n").unwrap();
    let out = gazette(&["check", "--format", "json", &dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(json(&out)["error"]
        .as_str()
        .unwrap()
        .contains("gazette.toml:1:1"));
}

/// Runs gazette with the given standard input and output; kills it and fails after `secs`
/// (a FIFO read blocks forever, `/dev/zero` read whole fills memory).
fn gazette_with(args: &[&str], stdin: Stdio, stdout: Stdio, secs: u64) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("run gazette");
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > std::time::Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gazette {args:?} did not finish in {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A pipe whose reading end is already closed: every write to it fails with EPIPE. (The
/// reading end is a helper process's standard input, closed when it is killed.)
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("sleep")
        .arg("60")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = reader.stdin.take().unwrap();
    reader.kill().unwrap();
    reader.wait().unwrap();
    Stdio::from(writer)
}

#[test]
fn a_closed_pipe_is_no_panic() {
    let s = Scratch::new("pipe");
    let roster = s.path("roster.toml");
    std::fs::copy(
        format!("{}/examples/roster/roster.toml", env!("CARGO_MANIFEST_DIR")),
        &roster,
    )
    .unwrap();
    let runs: [(&[&str], i32); 6] = [
        (&["check", "--isolated", "--diff", SEED], 1),
        (&["parse", SEED], 0),
        (&["explain"], 0),
        (
            &["roster", "init", "--isolated", "examples/roster/pages"],
            0,
        ),
        (
            &[
                "roster",
                "apply",
                "--isolated",
                "--dry-run",
                "--roster",
                &roster,
                "examples/roster/pages",
            ],
            0,
        ),
        (
            &[
                "check",
                "--format",
                "json",
                "--config",
                "/nonexistent/gazette.toml",
                SEED,
            ],
            2,
        ),
    ];
    for (args, expected) in runs {
        let status = gazette_with(args, Stdio::null(), closed_pipe(), 60);
        assert_eq!(status.code(), Some(expected), "{args:?}");
    }
}

#[test]
fn an_output_file_that_is_an_input_is_refused() {
    let s = Scratch::new("outfile");
    let page = s.path("page.md");
    let before = std::fs::read(&page).unwrap();
    let out = gazette(&["check", "--isolated", "--output-file", &page, &page]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output-file"));
    assert_eq!(
        std::fs::read(&page).unwrap(),
        before,
        "the checked file is intact"
    );
    // Also when it is reached through a directory.
    let out = gazette(&["check", "--isolated", "--output-file", &page, &s.path("")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&page).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn config_profile_and_roster_reads_are_bounded_and_refuse_devices_and_fifos() {
    let s = Scratch::new("devices");
    let fifo = s.path("fifo.toml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for source in ["/dev/zero", fifo.as_str()] {
        for flag in ["--config", "--profile", "--roster"] {
            let status = gazette_with(
                &["check", flag, source, SEED],
                Stdio::null(),
                Stdio::null(),
                30,
            );
            assert_eq!(status.code(), Some(2), "{flag} {source}");
        }
        let status = gazette_with(
            &[
                "roster",
                "apply",
                "--isolated",
                "--roster",
                source,
                "examples/roster/pages",
            ],
            Stdio::null(),
            Stdio::null(),
            30,
        );
        assert_eq!(status.code(), Some(2), "roster apply --roster {source}");
    }
}

#[test]
fn a_huge_max_file_size_does_not_wrap_to_zero() {
    for mb in ["17592186044416", "18446744073709551615"] {
        let out = gazette(&["check", "--isolated", "--max-file-size", mb, SEED]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "--max-file-size {mb}: the seed is read"
        );
        assert!(stdout(&out).contains("GZ101"), "--max-file-size {mb}");
    }
}

#[cfg(unix)]
#[test]
fn standard_input_that_is_a_directory_is_an_error() {
    let status = gazette_with(
        &["check", "--isolated", "-"],
        Stdio::from(std::fs::File::open("examples").unwrap()),
        Stdio::null(),
        30,
    );
    assert_eq!(status.code(), Some(2), "a directory");
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["check", "--isolated", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::fs::File::open("examples").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard input is a directory"), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "no 「checked 0 files」: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn config_values_outside_their_sets_are_errors_with_a_place_in_every_format() {
    let s = Scratch::new("badvalues");
    let config = s.path("gazette.toml");
    std::fs::write(&config, "fail-on = \"never\"\n").unwrap();
    let out = gazette(&["check", "--format", "json", "--config", &config, SEED]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    assert!(
        doc["error"].as_str().unwrap().contains("gazette.toml:1:11"),
        "{doc}"
    );
    std::fs::write(&config, "lang = \"fr\"\n").unwrap();
    let out = gazette(&["check", "--config", &config, SEED]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "lang = fr is not accepted silently"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1:8"));
}
