//! Hostile inputs: what clerks paste from word processors and web pages, and what breaks parsers.
//! Each gets a clear outcome — a diagnostic or a correct result, exit 0/1/2, never a panic —
//! asserted here. Speed is measured by the benchmark, not here; the CLI runs behind a generous
//! watchdog only so that a hang fails the test instead of stalling CI.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gazette::check::Settings;
use gazette::report::{check_bytes, FileReport};

const SEED: &str = include_str!("../examples/chongqing-2024-11-28.md");
const LIST_HEAD: &str = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第58号\n\n（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）\n\n### 一、任命\n\n";

fn check(bytes: &[u8]) -> FileReport {
    check_bytes("hostile.md", bytes, &Settings::default())
}

fn codes(r: &FileReport) -> Vec<&'static str> {
    r.findings().map(|d| d.code).collect()
}

/// Runs the CLI on `bytes` through stdin; returns the exit code. Fails on a hang.
fn exit_code(bytes: &[u8]) -> i32 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            writer.join().unwrap();
            return status.code().expect("exited normally, not by a signal");
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("gazette hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn empty_and_blank_files_are_clean() {
    for input in ["", " \n\t\n\u{3000}\n", "\n\n\n"] {
        let r = check(input.as_bytes());
        assert!(codes(&r).is_empty());
        assert_eq!(exit_code(input.as_bytes()), 0);
    }
}

#[test]
fn binary_nul_truncated_and_bomless_utf16_are_gz001_exit_2() {
    let binary: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let mut nul = SEED.as_bytes().to_vec();
    nul.insert(500, 0);
    let mut truncated = SEED.as_bytes().to_vec();
    truncated.pop();
    let utf16: Vec<u8> = SEED.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for input in [binary, nul, truncated, utf16] {
        let r = check(&input);
        assert_eq!(codes(&r), ["GZ001"]);
        assert_eq!(exit_code(&input), 2);
    }
}

#[test]
fn utf16_with_bom_and_gb18030_read_like_utf8_with_gz002() {
    let utf8 = codes(&check(SEED.as_bytes()));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(SEED.encode_utf16().flat_map(u16::to_le_bytes));
    let (gb, _, _) = encoding_rs::GB18030.encode(SEED);
    for input in [utf16, gb.into_owned()] {
        let r = check(&input);
        let mut c = codes(&r);
        assert_eq!(c.remove(0), "GZ002");
        assert_eq!(c, utf8);
    }
}

#[test]
fn crlf_and_lone_cr_give_the_same_findings_as_lf() {
    let lf = codes(&check(SEED.as_bytes()));
    for input in [SEED.replace('\n', "\r\n"), SEED.replace('\n', "\r")] {
        assert_eq!(codes(&check(input.as_bytes())), lf);
    }
}

#[test]
fn a_personnel_list_of_2000_entries() {
    let mut text = LIST_HEAD.to_string();
    for i in 0..2000u32 {
        let a = char::from_u32(0x4E00 + i % 500).unwrap();
        let b = char::from_u32(0x4E00 + i / 500).unwrap();
        let end = if i == 1999 { "。" } else { "；" };
        text.push_str(&format!("张{a}{b}为重庆市人民检察院检察员{end}\n"));
    }
    let r = check(text.as_bytes());
    let gazette::ast::NoticeBody::Personnel(list) = &r.document.notices().next().unwrap().body
    else {
        panic!("a list");
    };
    assert_eq!(list.sections[0].entries.len(), 2000);
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
}

#[test]
fn a_10_mb_single_line() {
    let text = "重".repeat(10 * 1024 * 1024 / 3);
    let r = check(text.as_bytes());
    assert!(codes(&r).is_empty());
    assert_eq!(r.document.blocks.len(), 1);
}

#[test]
fn a_hundred_thousand_nested_brackets() {
    let open_close = format!("{}{}", "（".repeat(100_000), "）".repeat(100_000));
    assert!(
        codes(&check(open_close.as_bytes())).is_empty(),
        "outside a notice: prose"
    );
    // Inside an entry: recursion in the grammar must not overflow the stack.
    let in_entry = format!("{LIST_HEAD}张三为{}院长；\n", "（".repeat(100_000));
    let r = check(in_entry.as_bytes());
    assert!(codes(&r).iter().all(|c| c.starts_with("GZ")));
    assert!(exit_code(in_entry.as_bytes()) <= 1);
}

#[test]
fn a_notice_header_repeated_50000_times() {
    let text = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n".repeat(50_000);
    let r = check(text.as_bytes());
    assert_eq!(r.document.notices().count(), 50_000);
    // Every repeat after the first is a duplicate number; every one lacks its closing.
    let c = codes(&r);
    assert_eq!(c.iter().filter(|c| **c == "GZ102").count(), 49_999);
    assert_eq!(c.iter().filter(|c| **c == "GZ109").count(), 50_000);
}

#[test]
fn names_with_joiners_combining_marks_and_extension_b() {
    let text = format!(
        "{LIST_HEAD}张\u{200D}三为重庆市人民检察院检察员；\n李\u{0301}四为重庆市人民检察院检察员；\n李𠇔为重庆市人民检察院检察员；\n𠀀𠀁为重庆市人民检察院检察员。\n"
    );
    let r = check(text.as_bytes());
    // The joiner is read as part of the name and reported (GZ005); nothing else is wrong.
    assert_eq!(codes(&r), ["GZ005"]);
    let gazette::ast::NoticeBody::Personnel(list) = &r.document.notices().next().unwrap().body
    else {
        panic!("a list");
    };
    let names: Vec<&str> = list.sections[0]
        .entries
        .iter()
        .map(|e| e.items[0].persons[0].name.text.as_str())
        .collect();
    assert_eq!(names, ["张\u{200D}三", "李\u{0301}四", "李𠇔", "𠀀𠀁"]);
}

/// Found by fuzzing (check_render): 31 unclosed 「(」 in a clause made the grammar's bracket rule
/// exponential. It must finish like any other input: read, judged, exit 1.
#[test]
fn fuzz_regression_unclosed_brackets() {
    let bytes = include_bytes!("data/fuzz/check_render-unclosed-brackets.md");
    let r = check(bytes);
    assert!(codes(&r).contains(&"GZ002"), "decoded as GB18030");
    assert!(
        codes(&r).contains(&"GZ003"),
        "the damaged clause is unreadable"
    );
    assert_eq!(exit_code(bytes), 1);
}

#[test]
fn utf32_is_gz001_with_its_own_message_and_exit_2() {
    let mut utf32 = vec![0xFF, 0xFE, 0x00, 0x00];
    utf32.extend(SEED.chars().flat_map(|c| (c as u32).to_le_bytes()));
    let r = check(&utf32);
    assert_eq!(codes(&r), ["GZ001"]);
    let d = r.findings().next().unwrap();
    assert!(d.message.en.contains("UTF-32"), "{}", d.message.en);
    assert_eq!(exit_code(&utf32), 2);
}

#[test]
fn control_characters_reach_the_terminal_escaped() {
    use gazette::diagnostic::Lang;
    use gazette::render::{concise, human};
    // OSC 0 (set the window title), BEL, CSI 2J (clear the screen), and a C1 CSI.
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}2J";
    let page = SEED.replacen("[六届]第56号", &format!("[六届]第56号{hostile}"), 1);
    assert_ne!(page, SEED);
    let r = check(page.as_bytes());
    let options = human::Options {
        lang: Lang::Zh,
        color: false,
        show_notes: true,
    };
    let shown = human::render(std::slice::from_ref(&r), &options);
    let text = concise::render(std::slice::from_ref(&r), Lang::En);
    for out in [&shown, &text] {
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the output"
        );
    }
    assert!(shown.contains("␛]0;pwned␇␛[2J<U+009B>2J"), "{shown}");
    // The underline still sits under 「[六届]」: the labelled excerpt line and the line below it.
    let line = shown
        .lines()
        .position(|l| l.contains("[六届]第56号␛"))
        .unwrap();
    let excerpt = shown.lines().nth(line).unwrap();
    let marks = shown.lines().nth(line + 1).unwrap();
    let column = |s: &str, c: char| s.chars().position(|x| x == c).unwrap();
    assert_eq!(
        column(excerpt, '['),
        column(marks, '─').min(column(marks, '┬')),
        "{shown}"
    );
}

// ── Inputs that made the work super-linear. Each is large enough that the old algorithm took
// well over ten seconds (cubic restating: 4,000 names 23 s, 8,000 names 141 s; a position
// counted from the start of its line for each of 80,000 findings: 78 s); the bound below is
// far above what the linear code needs, so only a super-linear regression trips it. ──

/// Distinct three-character names, as many as asked (up to 21,632).
fn names(n: usize) -> Vec<String> {
    let family = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
    let given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰红";
    let mut out = Vec::with_capacity(n);
    'outer: for a in family.chars() {
        for b in given.chars() {
            for c in given.chars() {
                if out.len() == n {
                    break 'outer;
                }
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    out
}

#[test]
fn thousands_of_restated_names_are_checked_in_linear_time() {
    let ns = names(8_000).join("、");
    let page = format!(
        "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n大渡口区人民代表大会选出的重庆市第六届人民代表大会代表{ns}调离重庆市，工作关系已不在本行政区域内，依照代表法的有关规定，{ns}的重庆市第六届人民代表大会代表资格终止。\n\n重庆市人民代表大会常务委员会\n\n2024年11月28日\n"
    );
    let start = Instant::now();
    let r = check(page.as_bytes());
    let took = start.elapsed();
    assert!(
        !codes(&r).contains(&"GZ202"),
        "every name is restated: {:?}",
        codes(&r)
    );
    assert!(
        took < Duration::from_secs(10),
        "8,000 restated names took {took:?}"
    );
}

#[test]
fn eighty_thousand_findings_on_one_line_render_in_linear_time() {
    use gazette::ast::Span;
    use gazette::diagnostic::Lang;
    use gazette::render::{concise, human, json, sarif};
    // One line of 480,000 CJK characters, a finding on every sixth one.
    let line = "重庆市人民代".repeat(80_000);
    let mut r = check(line.as_bytes());
    let template = SEED_FINDING.with(|d| d.clone());
    let step = "重庆市人民".len();
    r.diagnostics = (0..80_000)
        .map(|i| {
            let mut d = template.clone();
            d.span = Span {
                start: i * (step + 3),
                end: i * (step + 3) + 3,
            };
            d.labels.clear();
            d.fix = None;
            d
        })
        .collect();
    let start = Instant::now();
    let out = json::render(std::slice::from_ref(&r), Lang::Zh);
    let concise_out = concise::render(std::slice::from_ref(&r), Lang::Zh);
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(10),
        "80,000 positions took {took:?}"
    );
    // The last finding is on character 479,995 (1-based) of line 1.
    assert!(concise_out.ends_with(&format!(
        "hostile.md:1:{}: {}: {}{} {}\n",
        79_999 * 6 + 1,
        template.severity.as_str(),
        template.code,
        "",
        template.message.zh
    )));
    assert!(out.contains("\"column\": 479995"));
    // SARIF and the human format take their positions from the same table. The human format
    // draws an excerpt per finding; a few thousand show that its columns are right.
    r.diagnostics.truncate(2_000);
    let sarif_out = sarif::render(
        std::slice::from_ref(&r),
        &gazette::check::rule_infos(),
        &[],
        Lang::Zh,
    );
    assert!(sarif_out.contains("\"startColumn\": 11995"));
    let shown = human::render(
        std::slice::from_ref(&r),
        &human::Options {
            lang: Lang::Zh,
            color: false,
            show_notes: false,
        },
    );
    assert!(shown.contains("hostile.md:1:11995"));
}

thread_local! {
    /// A real finding of the seed, used as the template of synthetic ones.
    static SEED_FINDING: gazette::diagnostic::Diagnostic =
        check(SEED.as_bytes()).findings().next().cloned().expect("the seed has findings");
}

#[test]
fn deeply_nested_ascii_parentheses_are_checked_in_linear_time() {
    // GZ601 looked for Han text inside each pair by scanning it: 60,000 levels took 8 s.
    let depth = 150_000;
    let page = format!(
        "{LIST_HEAD}王德明{}为{}重庆市财政局{}局长。\n",
        "(".repeat(depth),
        "(".repeat(depth),
        ")".repeat(2 * depth)
    );
    let start = Instant::now();
    let r = check(page.as_bytes());
    let took = start.elapsed();
    let pairs = r.findings().filter(|d| d.code == "GZ601").count();
    assert!(
        pairs >= depth,
        "every pair around Han text is reported: {pairs}"
    );
    assert!(
        took < Duration::from_secs(10),
        "{depth} levels took {took:?}"
    );
}
