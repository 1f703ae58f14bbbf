//! Word drafts (.docx), as a clerk sends them: checked as they read in Word (runs joined,
//! tracked changes accepted, tables cell by cell), line = paragraph in every format, and the
//! annotated copy read back by an independent reader (python-docx and lxml, in the virtual
//! environment `.ci/run` prepares; without it these tests skip loudly, except under `CI`).

#[path = "common/docx_writer.rs"]
mod docx_writer;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use docx_writer::{existing_comment, package, paragraph, raw_zip, run, runs, table, W};
use serde_json::Value;

const SEED_TEXT: &str = "examples/chongqing-2024-11-28-plain.txt";
const CLEAN: &str = "examples/variants/02_npc11_2011.md";

/// A document part with a DOCTYPE before its root.
fn with_doctype(doctype: &str, body: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\"?>{doctype}<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>").into_bytes()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn gazette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run gazette")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docx")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The seed page's lines, each a paragraph of the draft, as Word would hold them: runs cut
/// at odd places (inside names too), a tracked deletion and insertion inside 吴凯, the date a
/// field's result, a `w:fldSimple`, the appointments of 第58号 as a table, empty paragraphs in
/// both forms, and a reviewer's comment already present. Its text is the page's text.
fn seed_docx() -> Vec<u8> {
    seed_docx_joining(&[])
}

/// The seed draft with the paragraph marks of these lines (0-based) deleted with tracking on,
/// as when a clerk joins paragraphs in Word.
fn seed_docx_joining(joined: &[usize]) -> Vec<u8> {
    const DELETED_MARK: &str =
        "<w:pPr><w:rPr><w:del w:id=\"903\" w:author=\"办公厅\"/></w:rPr></w:pPr>";
    let text = std::fs::read_to_string(root().join(SEED_TEXT)).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let table_first = lines.iter().position(|l| *l == "一、决定任命").unwrap() + 2;
    let table_end = (table_first..lines.len())
        .find(|&i| lines[i].is_empty())
        .unwrap();
    assert!(table_end - table_first >= 3, "a list of several entries");
    let mut body = String::new();
    let (mut field, mut simple, mut reviewed) = (false, false, false);
    for (i, line) in lines.iter().enumerate() {
        if i == table_first {
            let rows: Vec<Vec<String>> = lines[table_first..table_end]
                .iter()
                .enumerate()
                .map(|(k, l)| vec![runs(l, &[2 + k % 3, 1, 4])])
                .collect();
            body.push_str(&table(&rows));
        }
        if (table_first..table_end).contains(&i) {
            continue;
        }
        if line.is_empty() && joined.contains(&i) {
            body.push_str(&format!("<w:p>{DELETED_MARK}</w:p>"));
            continue;
        }
        if line.is_empty() {
            body.push_str(if i % 2 == 0 {
                "<w:p/>"
            } else {
                "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>"
            });
            continue;
        }
        let pieces = [[1, 3, 2], [2, 1, 5], [3, 4, 1], [1, 1, 7]][i % 4];
        let content = if let Some(rest) = line.strip_prefix("吴凯为重庆市人大教育") {
            // A tracked deletion and insertion inside the name: read as accepted, 吴凯.
            format!(
                "{}<w:del w:id=\"901\" w:author=\"办公厅\"><w:r><w:delText>某某</w:delText></w:r></w:del><w:ins w:id=\"902\" w:author=\"办公厅\">{}</w:ins>{}",
                run("吴", 1),
                run("凯", 2),
                runs(&format!("为重庆市人大教育{rest}"), &pieces)
            )
        } else if let (false, Some(at)) = (field, line.find("2024年11月28日")) {
            field = true;
            let (before, after) = (&line[..at], &line[at + "2024年11月28日".len()..]);
            format!(
                "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"yyyy年M月d日\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
                runs(before, &pieces),
                runs("2024年11月28日", &[4, 3, 3]),
                runs(after, &pieces)
            )
        } else if let (false, Some(at)) = (simple, line.find("第十二次会议")) {
            simple = true;
            let (before, after) = (&line[..at], &line[at + "第十二次会议".len()..]);
            format!(
                "{}<w:fldSimple w:instr=\" MERGEFIELD 会次 \">{}</w:fldSimple>{}",
                runs(before, &pieces),
                run("第十二次会议", 0),
                runs(after, &pieces)
            )
        } else if !reviewed && line.contains("代表资格审查委员会") {
            reviewed = true;
            format!(
                "<w:commentRangeStart w:id=\"0\"/>{}<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
                runs(line, &pieces)
            )
        } else {
            runs(line, &pieces)
        };
        if joined.contains(&i) {
            body.push_str(&format!("<w:p>{DELETED_MARK}{content}</w:p>"));
        } else {
            body.push_str(&paragraph(&content));
        }
    }
    assert!(field && simple && reviewed);
    package(
        &body,
        Some(&existing_comment(0, "请核对代表资格审查委员会的名称")),
    )
}

fn seed_in(d: &Path) -> PathBuf {
    let p = d.join("重庆公告草稿.docx");
    std::fs::write(&p, seed_docx()).unwrap();
    p
}

/// (code, start line, start column, start UTF-16 column, end line, end column, message) of
/// every finding of a JSON run.
fn findings(json: &Value) -> Vec<(String, u64, u64, u64, u64, u64, String)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let r = &d["range"];
            (
                d["code"].as_str().unwrap().to_string(),
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["column"].as_u64().unwrap(),
                r["start"]["column_utf16"].as_u64().unwrap(),
                r["end"]["line"].as_u64().unwrap(),
                r["end"]["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn json_of(path: &str) -> Value {
    let o = gazette(&["check", "--output-format", "json", path]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn the_seed_page_as_a_word_draft_reads_as_its_text() {
    let d = dir("seed-text");
    let draft = seed_in(&d);
    let o = gazette(&["parse", "--format", "text", s(&draft)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = std::fs::read_to_string(root().join(SEED_TEXT)).unwrap();
    assert_eq!(out(&o), format!("{text}\n"));
    assert!(!out(&o).contains(docx_writer::HEADER_TEXT));
    assert!(!out(&o).contains("某某"), "a tracked deletion is not read");
    assert!(!out(&o).contains("DATE"), "a field reads as its result");
}

#[test]
fn the_seed_page_as_a_word_draft_gives_the_findings_of_the_text_with_line_equal_paragraph() {
    let d = dir("seed-findings");
    let draft = seed_in(&d);
    let word = json_of(s(&draft));
    let text = json_of(SEED_TEXT);
    assert_eq!(word["files"][0]["encoding"], "docx");
    let (w, t) = (findings(&word), findings(&text));
    assert_eq!(w.len(), 19);
    assert_eq!(w, t);
    // The snapshots of both, one line per finding: code, paragraph (line), character.
    let table = |f: &[(String, u64, u64, u64, u64, u64, String)]| {
        f.iter()
            .map(|(c, l, col, _, el, ec, m)| format!("{c} {l}:{col}-{el}:{ec} {m}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    insta::assert_snapshot!("seed_docx_findings", table(&w));
    insta::assert_snapshot!("seed_text_findings", table(&t));
}

#[test]
fn every_format_gives_paragraph_and_character_past_a_soft_break_and_an_extension_b_name() {
    let d = dir("formats");
    // Paragraph 3 holds 𠇔 (one character, two UTF-16 units) and a soft break (Shift+Enter,
    // one character), split across runs: the half-width parenthesis after them is GZ601 at
    // paragraph 3, character 7 (李 𠇔 ↵ 张 三 明 come before it; UTF-16: 8).
    let body = [
        paragraph(&runs("重庆市人民代表大会常务委员会公告", &[3, 2])),
        paragraph(&runs("〔六届〕第58号", &[2])),
        paragraph(&format!(
            "{}<w:r><w:br/></w:r>{}{}{}",
            runs("李𠇔", &[1]),
            run("张", 0),
            runs("三明(", &[1, 2]),
            runs("注）", &[1])
        )),
    ]
    .concat();
    let draft = d.join("draft.docx");
    std::fs::write(&draft, package(&body, None)).unwrap();
    let text = out(&gazette(&["parse", "--format", "text", s(&draft)]));
    assert_eq!(
        text,
        "重庆市人民代表大会常务委员会公告\n〔六届〕第58号\n李𠇔\n张三明(注）\n"
    );
    let json: Value = serde_json::from_slice(
        &gazette(&[
            "check",
            "--select",
            "GZ601",
            "--output-format",
            "json",
            s(&draft),
        ])
        .stdout,
    )
    .unwrap();
    let f = findings(&json);
    assert_eq!(f.len(), 1, "{json}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1, f[0].2, f[0].3),
        ("GZ601", 3, 7, 8)
    );
    let fmt = |format: &str| {
        out(&gazette(&[
            "check",
            "--select",
            "GZ601",
            "--output-format",
            format,
            s(&draft),
        ]))
    };
    assert!(
        fmt("concise").contains("draft.docx:3:7: style: GZ601"),
        "{}",
        fmt("concise")
    );
    assert!(fmt("github").contains("line=3,col=7"), "{}", fmt("github"));
    let sarif: Value = serde_json::from_str(&fmt("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(7)),
        "{sarif}"
    );
    assert!(fmt("human").contains("draft.docx:3:7"), "{}", fmt("human"));
    // --fix does not change a Word draft: nothing is offered as fixable, the change to make is.
    assert!(!fmt("concise").contains("[*]"), "{}", fmt("concise"));
    assert!(
        fmt("human").contains("修改：") && !fmt("human").contains("可自动修正："),
        "{}",
        fmt("human")
    );
    assert!(
        fmt("human").contains("0 个问题可自动修正"),
        "{}",
        fmt("human")
    );
}

#[test]
fn a_title_broken_with_soft_breaks_reads_as_the_title_over_lines() {
    let d = dir("soft-break");
    let title = [
        "重庆市人民代表大会常务委员会",
        "关于批准重庆市2023年市级决算的决议",
    ];
    let rest = [
        "（2024年7月31日重庆市第六届人民代表大会常务委员会第十次会议通过）",
        "重庆市第六届人民代表大会常务委员会第十次会议审查批准了重庆市2023年市级决算。",
    ];
    let word_body = [
        paragraph(&format!(
            "{}<w:r><w:br/></w:r>{}",
            runs(title[0], &[4, 3]),
            runs(title[1], &[5, 2])
        )),
        paragraph(&runs(rest[0], &[6])),
        paragraph(&runs(rest[1], &[3, 8])),
    ]
    .concat();
    let draft = d.join("decision.docx");
    std::fs::write(&draft, package(&word_body, None)).unwrap();
    let plain = d.join("decision.txt");
    std::fs::write(
        &plain,
        format!("{}\n{}\n{}\n{}", title[0], title[1], rest[0], rest[1]),
    )
    .unwrap();
    let tree =
        |p: &Path| -> Value { serde_json::from_slice(&gazette(&["parse", s(p)]).stdout).unwrap() };
    let (word, text) = (tree(&draft), tree(&plain));
    let kinds = |t: &Value| -> Vec<String> {
        t["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["type"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kinds(&word), kinds(&text));
    assert!(kinds(&word).contains(&"notice".to_string()), "{word}");
    let check = |p: &Path| -> Value {
        serde_json::from_slice(
            &gazette(&[
                "check",
                "--output-format",
                "json",
                "--explain-skipped",
                s(p),
            ])
            .stdout,
        )
        .unwrap()
    };
    let (w, t) = (check(&draft), check(&plain));
    let codes = |v: &Value, key: &str| -> Vec<String> {
        v["files"][0][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&w, "diagnostics"), codes(&t, "diagnostics"));
    assert_eq!(codes(&w, "notes"), codes(&t, "notes"));
}

/// The python of the virtual environment `.ci/run` prepares (python-docx, lxml), or `None`
/// outside CI when it is missing (the caller skips loudly).
fn python() -> Option<PathBuf> {
    let candidate = std::env::var_os("GAZETTE_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/pyvenv/bin/python"));
    let works = Command::new(&candidate)
        .args(["-c", "import docx, lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if works {
        return Some(candidate);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set but {} cannot import docx and lxml: .ci/run prepares target/pyvenv (python3 -m venv, pip install python-docx)",
            candidate.display()
        );
    }
    eprintln!(
        "\n\n*** SKIPPED the independent reading of the annotated copy: no python with python-docx at {} \
         (run: python3 -m venv target/pyvenv && target/pyvenv/bin/pip install python-docx). \
         Under CI=true this is a failure. ***\n",
        candidate.display()
    );
    None
}

/// python-docx opens the copy and lists its comments; lxml walks the body in document order
/// and collects the text between each comment's range marks ('\n' between paragraphs).
const READER: &str = r#"
import json, sys
import docx
document = docx.Document(sys.argv[1])
comments = [
    {"id": c.comment_id, "author": c.author, "text": c.text}
    for c in document.comments
]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
anchored, open_ids, first = {}, [], True
for el in document.element.body.iter():
    if el.tag == W + "p":
        if not first:
            for i in open_ids:
                anchored[i] += "\n"
        first = False
    elif el.tag == W + "commentRangeStart":
        open_ids.append(el.get(W + "id"))
        anchored[el.get(W + "id")] = ""
    elif el.tag == W + "commentRangeEnd":
        open_ids.remove(el.get(W + "id"))
    elif el.tag in (W + "t", W + "tab", W + "br"):
        piece = {W + "tab": "\t", W + "br": "\n"}.get(el.tag, el.text or "")
        for i in open_ids:
            anchored[i] += piece
references = [r.get(W + "id") for r in document.element.body.iter(W + "commentReference")]
print(json.dumps({"comments": comments, "anchored": anchored, "references": references,
                  "paragraphs": len(document.paragraphs)}, ensure_ascii=False))
"#;

/// The names and raw (compressed) bytes of every entry, in order.
fn entries(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index_raw(i).unwrap();
            let mut raw = Vec::new();
            e.read_to_end(&mut raw).unwrap();
            (e.name().to_string(), raw)
        })
        .collect()
}

const MAY_CHANGE: [&str; 4] = [
    "word/document.xml",
    "word/comments.xml",
    "word/_rels/document.xml.rels",
    "[Content_Types].xml",
];

#[test]
fn annotate_puts_a_comment_on_each_finding_and_keeps_every_other_part() {
    let d = dir("annotate");
    let draft = seed_in(&d);
    let original = std::fs::read(&draft).unwrap();
    let copy = d.join("批注稿.docx");
    let o = gazette(&["check", "--annotate", s(&copy), s(&draft)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("（19 条批注）"), "{}", err(&o));
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        original,
        "the draft is never written"
    );
    let annotated = std::fs::read(&copy).unwrap();

    // Byte for byte: the same entries in the same order, and all but four raw-identical.
    let (before, after) = (entries(&original), entries(&annotated));
    assert_eq!(
        before.iter().map(|e| &e.0).collect::<Vec<_>>(),
        after.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        if MAY_CHANGE.contains(&name.as_str()) {
            continue;
        }
        assert_eq!(a, b, "{name} changed");
    }
    // The paragraphs' text is unchanged, and so are the findings.
    let text = |p: &Path| out(&gazette(&["parse", "--format", "text", s(p)]));
    assert_eq!(text(&copy), text(&draft));
    let findings_of = |p: &Path| {
        let mut f = findings(&json_of(s(p)));
        f.iter_mut().for_each(|x| x.6.clear());
        f
    };
    assert_eq!(findings_of(&copy), findings_of(&draft));

    // The independent reader: every comment on exactly its finding's characters.
    let Some(python) = python() else { return };
    let read = Command::new(&python)
        .args(["-c", READER, s(&copy)])
        .output()
        .unwrap();
    assert!(read.status.success(), "{}", err(&read));
    let seen: Value = serde_json::from_slice(&read.stdout).unwrap();
    let comments = seen["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 20, "{seen}");
    assert_eq!(
        comments[0]["author"], "审稿人",
        "the reviewer's comment is kept"
    );
    let reviewed = seen["anchored"]["0"].as_str().unwrap();
    assert!(
        reviewed.starts_with("会议还表决通过了") && reviewed.contains("代表资格审查委员会"),
        "kept where it was: {seen}"
    );
    assert_each_finding_has_its_comment(&seen, &draft, 1);
    // 吴凯's tracked deletion stayed where it was.
    let doc = String::from_utf8({
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&annotated[..])).unwrap();
        let mut x = Vec::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_end(&mut x)
            .unwrap();
        x
    })
    .unwrap();
    assert!(doc.contains("<w:delText>某某</w:delText>"));
}

/// Every finding of `draft` (in the order of the JSON output) has its comment in what the
/// independent reader saw of the annotated copy, ids from `first_id` on: author gazette, the
/// code, message, help and the change to make, anchored on exactly the finding's characters.
fn assert_each_finding_has_its_comment(seen: &Value, draft: &Path, first_id: u64) {
    let comments = seen["comments"].as_array().unwrap();
    let o = gazette(&["check", "--output-format", "json", s(draft)]);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let source = out(&gazette(&["parse", "--format", "text", s(draft)]));
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for (i, d) in diagnostics.iter().enumerate() {
        let id = first_id + i as u64;
        let c = comments
            .iter()
            .find(|c| c["id"].as_u64() == Some(id))
            .expect("comment");
        assert_eq!(c["author"], "gazette");
        let body = c["text"].as_str().unwrap();
        assert!(
            body.starts_with(&format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )),
            "{body}"
        );
        if let Some(help) = d["help"].as_str() {
            assert!(body.contains(&format!("\n帮助：{help}")), "{body}");
        }
        // The change a fix would make, said as the change to make in Word.
        if let Some(fix) = d["fix"]["description"].as_str() {
            assert!(body.contains(&format!("\n修改：{fix}")), "{body}");
        }
        let r = &d["range"];
        let (a, b) = (
            r["start"]["byte"].as_u64().unwrap() as usize,
            r["end"]["byte"].as_u64().unwrap() as usize,
        );
        let id = id.to_string();
        assert_eq!(seen["anchored"][&id], source[a..b], "comment {id} on {d}");
        assert!(seen["references"]
            .as_array()
            .unwrap()
            .contains(&Value::from(id.clone())));
    }
}

/// What the independent reader sees of an annotated copy.
fn read_back(python: &Path, copy: &Path) -> Value {
    let read = Command::new(python)
        .args(["-c", READER, s(copy)])
        .output()
        .unwrap();
    assert!(read.status.success(), "{}", err(&read));
    serde_json::from_slice(&read.stdout).unwrap()
}

#[test]
fn annotate_anchors_on_extension_b_names_soft_breaks_and_runs_cut_anywhere() {
    let d = dir("annotate-ext-b");
    // The entry of 李𠇔 and the next share a paragraph, split by a soft break; the runs are
    // cut right before and after 𠇔 and inside every name.
    let body = [
        paragraph(&runs("重庆市人民代表大会常务委员会公告", &[3, 2])),
        paragraph(&runs("[六届]第58号", &[1, 2])),
        paragraph(&runs(
            "（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）",
            &[5, 1],
        )),
        paragraph(&runs("一、任命", &[1])),
        paragraph(&format!(
            "{}{}{}<w:r><w:br/></w:r>{}",
            runs("\u{3000}\u{3000}李", &[1]),
            run("𠇔", 1),
            runs("为重庆市人民检察院检察员", &[1, 2]),
            runs("张三为重庆市人民检察院检察员。", &[1, 3])
        )),
    ]
    .concat();
    let draft = d.join("draft.docx");
    std::fs::write(&draft, package(&body, None)).unwrap();
    let copy = d.join("copy.docx");
    let o = gazette(&["check", "--annotate", s(&copy), s(&draft)]);
    assert!(copy.exists(), "{}", err(&o));
    let concise = out(&gazette(&[
        "check",
        "--output-format",
        "concise",
        s(&draft),
    ]));
    insta::assert_snapshot!(
        "extension_b_findings",
        concise.replace(&format!("{}/", d.display()), "")
    );
    let Some(python) = python() else { return };
    let seen = read_back(&python, &copy);
    assert_each_finding_has_its_comment(&seen, &draft, 0);
}

#[test]
fn annotate_adds_the_comments_part_when_the_draft_has_none_in_english() {
    let d = dir("annotate-new");
    let body = [
        paragraph(&runs("重庆市人民代表大会常务委员会公告", &[3, 2])),
        paragraph(&runs("[六届]第58号", &[1, 2])),
        paragraph(&runs("李𠇔为重庆市人民检察院检察员(试用)", &[1, 1, 3])),
    ]
    .concat();
    let draft = d.join("draft.docx");
    std::fs::write(&draft, package(&body, None)).unwrap();
    let copy = d.join("annotated.docx");
    let o = gazette(&["check", "--lang", "en", "--annotate", s(&copy), s(&draft)]);
    // Style findings only (GZ101, GZ601): exit 0, the copy written all the same.
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("wrote the annotated copy"), "{}", err(&o));
    let (before, after) = (
        entries(&std::fs::read(&draft).unwrap()),
        entries(&std::fs::read(&copy).unwrap()),
    );
    assert!(after.iter().any(|e| e.0 == "word/comments.xml"));
    for (name, raw) in &before {
        if !MAY_CHANGE.contains(&name.as_str()) {
            assert_eq!(
                Some(raw),
                after.iter().find(|e| &e.0 == name).map(|e| &e.1),
                "{name}"
            );
        }
    }
    let Some(python) = python() else { return };
    let read = Command::new(&python)
        .args(["-c", READER, s(&copy)])
        .output()
        .unwrap();
    assert!(read.status.success(), "{}", err(&read));
    let seen: Value = serde_json::from_slice(&read.stdout).unwrap();
    let comments = seen["comments"].as_array().unwrap();
    assert!(!comments.is_empty());
    assert_eq!(comments[0]["id"], 0);
    let gz101 = comments
        .iter()
        .find(|c| c["text"].as_str().unwrap().starts_with("GZ101"))
        .expect("GZ101");
    // In the message language: the text of the JSON finding in English.
    let json: Value = serde_json::from_slice(
        &gazette(&[
            "check",
            "--lang",
            "en",
            "--output-format",
            "json",
            s(&draft),
        ])
        .stdout,
    )
    .unwrap();
    let message = json["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap();
    assert!(!message.contains("公告编号"), "{message}");
    let fix = json["files"][0]["diagnostics"][0]["fix"]["description"]
        .as_str()
        .unwrap();
    assert_eq!(gz101["text"], format!("GZ101 {message}\nto fix: {fix}"));
    // GZ101 is about 「[六届]」 in paragraph 2; its comment sits on those characters.
    let id = gz101["id"].to_string();
    assert!(
        seen["anchored"][&id].as_str().unwrap().starts_with('['),
        "{seen}"
    );
}

#[test]
fn annotate_refuses_the_draft_itself_and_runs_without_exactly_one_word_draft() {
    let d = dir("annotate-refusals");
    let draft = seed_in(&d);
    let original = std::fs::read(&draft).unwrap();
    let o = gazette(&["check", "--annotate", s(&draft), s(&draft)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("原稿不会被改写"), "{}", err(&o));
    assert_eq!(std::fs::read(&draft).unwrap(), original);
    let o = gazette(&["check", "--annotate", s(&d.join("x.docx")), SEED_TEXT]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("恰好一个 Word 文档"), "{}", err(&o));
    assert!(!d.join("x.docx").exists());
}

#[test]
fn fix_and_diff_on_a_word_draft_are_refused_with_the_way_to_go() {
    let d = dir("fix");
    let draft = seed_in(&d);
    let original = std::fs::read(&draft).unwrap();
    for flag in ["--fix", "--diff"] {
        let o = gazette(&["check", flag, s(&draft)]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(
            err(&o).contains("--annotate") && err(&o).contains("Word 文档"),
            "{}",
            err(&o)
        );
    }
    let o = gazette(&["check", "--fix", "--lang", "en", s(&draft)]);
    assert!(err(&o).contains("make the changes in Word"), "{}", err(&o));
    assert_eq!(std::fs::read(&draft).unwrap(), original);
}

#[test]
fn a_directory_mixes_word_and_text_drafts() {
    let d = dir("mixed");
    seed_in(&d);
    std::fs::copy(root().join(CLEAN), d.join("clean.md")).unwrap();
    // Word's lock file while the draft is open: not a draft.
    std::fs::write(d.join("~$公告草稿.docx"), b"\x06owner\0\0").unwrap();
    let o = gazette(&["check", "--output-format", "json", s(&d)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{json}");
    assert_eq!(files[0]["encoding"], "utf-8");
    assert_eq!(files[1]["encoding"], "docx");
    assert_eq!(files[0]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(files[1]["diagnostics"].as_array().unwrap().len(), 19);
    // Named together on the command line too.
    let o = gazette(&[
        "check",
        "--output-format",
        "concise",
        CLEAN,
        s(&d.join("重庆公告草稿.docx")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out(&o).lines().count(), 19);
}

/// Each bad package: exit 2, a message that says what to do, within a few seconds.
fn refused(name: &str, bytes: &[u8], expected: &str) {
    let d = dir(&format!("bad-{}", name.replace('.', "-")));
    let p = d.join(name);
    std::fs::write(&p, bytes).unwrap();
    let started = Instant::now();
    let o = gazette(&["check", s(&p)]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{name}: {:?}",
        started.elapsed()
    );
    assert_eq!(o.status.code(), Some(2), "{name}: {}{}", out(&o), err(&o));
    assert!(err(&o).contains(expected), "{name}: {}", err(&o));
    // The roster commands refuse it with the same reason (not as undecodable text).
    let out_roster = d.join("roster.toml");
    let o = gazette(&["roster", "init", s(&p), "--output", s(&out_roster)]);
    assert_eq!(o.status.code(), Some(2), "{name}: {}", err(&o));
    assert!(
        err(&o).contains(expected),
        "roster init, {name}: {}",
        err(&o)
    );
    assert!(!out_roster.exists());
    // JSON still parses, with the file listed and its error.
    let o = gazette(&["check", "--output-format", "json", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        json["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains(expected),
        "{json}"
    );
}

fn ole(extra: &[u8]) -> Vec<u8> {
    let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    b.extend_from_slice(&[0; 504]);
    b.extend_from_slice(extra);
    b
}

#[test]
fn bad_packages_exit_2_with_a_message() {
    refused(
        "not-a-zip.docx",
        "公告\n第一条".as_bytes(),
        "不是 Word 文档",
    );
    refused(
        "no-body.docx",
        &raw_zip(&[("[Content_Types].xml", b"<Types/>")]),
        "word/document.xml",
    );
    refused("truncated.docx", &seed_docx()[..2000], "已损坏");
    // 100 MiB of spaces deflate to about 100 kB.
    let bomb = {
        let mut xml = format!("<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>").into_bytes();
        xml.extend(std::iter::repeat_n(b' ', 100 * 1024 * 1024));
        xml.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
        raw_zip(&[("word/document.xml", &xml)])
    };
    assert!(bomb.len() < 2 * 1024 * 1024);
    refused("bomb.docx", &bomb, "压缩炸弹");
    let deep = docx_writer::document_xml(&format!(
        "{}{}",
        "<w:p>".repeat(100_000),
        "</w:p>".repeat(100_000)
    ));
    refused(
        "deep.docx",
        &raw_zip(&[("word/document.xml", deep.as_bytes())]),
        "嵌套超过",
    );
    let laughs = with_doctype(
        "<!DOCTYPE w:document [<!ENTITY a \"哈哈哈哈哈哈哈哈\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<w:p><w:r><w:t>&b;</w:t></w:r></w:p>",
    );
    refused(
        "laughs.docx",
        &raw_zip(&[("word/document.xml", &laughs)]),
        "DOCTYPE",
    );
    let external = with_doctype(
        "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>",
    );
    refused(
        "external.docx",
        &raw_zip(&[("word/document.xml", &external)]),
        "DOCTYPE",
    );
    let undeclared = docx_writer::document_xml("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>");
    refused(
        "entity.docx",
        &raw_zip(&[("word/document.xml", undeclared.as_bytes())]),
        "实体",
    );
    let encrypted: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    refused("encrypted.docx", &ole(&encrypted), "去掉密码");
    refused("old.doc", &ole(b"WordDocument"), "另存为 .docx");
    refused("kingsoft.wps", &ole(b"WpsContent"), "另存为 .docx");
    // A .doc that is not even OLE (an RTF, say) is refused by its name.
    refused("rtf.doc", b"{\\rtf1\\ansi text}", ".doc");
    // Not UTF-8 inside.
    refused(
        "latin1.docx",
        &raw_zip(&[(
            "word/document.xml",
            b"<?xml version=\"1.0\"?><w:document xmlns:w=\"x\">\xE9</w:document>",
        )]),
        "UTF-8",
    );
}

#[test]
fn a_bad_package_is_refused_in_english_too_and_by_parse() {
    let d = dir("bad-en");
    let p = d.join("x.docx");
    std::fs::write(&p, b"plain text").unwrap();
    let o = gazette(&["check", "--lang", "en", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("not a Word document"), "{}", err(&o));
    let o = gazette(&["parse", "--format", "text", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("不是 Word 文档"), "{}", err(&o));
}

#[test]
fn a_word_draft_on_standard_input_is_read_by_its_content() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["check", "--output-format", "concise", "-"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed_docx()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        out(&o).contains("<stdin>:109:72: error: GZ003"),
        "{}",
        out(&o)
    );
}

/// A small deterministic generator (the tests need no randomness crate for this).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn comments_on_any_characters_sit_on_exactly_those_characters() {
    // 300 ranges anywhere in the seed draft — inside runs, across runs, paragraphs, the
    // table, the field, the tracked changes — each starting and ending on a character of
    // text (a mark cannot stand inside an empty paragraph `<w:p/>`).
    let package = seed_docx();
    let extracted = gazette::docx::read(&package).unwrap();
    let text = extracted.text.clone();
    let chars: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| *c != '\n').collect();
    let mut rng = Lcg(14);
    let mut comments = Vec::new();
    while comments.len() < 300 {
        let a = rng.below(chars.len());
        let reach = if rng.below(4) == 0 { 400 } else { 6 };
        let b = (a + rng.below(reach)).min(chars.len() - 1);
        let (start, _) = chars[a];
        let (last, c) = chars[b];
        comments.push(gazette::docx::annotate::Comment {
            start,
            end: last + c.len_utf8(),
            paragraphs: vec![format!("范围 {start}")],
        });
    }
    let copy = gazette::docx::annotate::annotate(&package, &extracted, &comments).unwrap();
    // The text reads the same.
    assert_eq!(gazette::docx::read(&copy).unwrap().text, text);
    let d = dir("any-range");
    let path = d.join("copy.docx");
    std::fs::write(&path, &copy).unwrap();
    let Some(python) = python() else { return };
    let seen = read_back(&python, &path);
    for (i, c) in comments.iter().enumerate() {
        let id = (i + 1).to_string();
        assert_eq!(
            seen["anchored"][&id],
            text[c.start..c.end],
            "comment {id} on {}..{}",
            c.start,
            c.end
        );
    }
}

#[test]
fn damaged_packages_never_panic() {
    // Every byte of the package flipped somewhere, one at a time in 400 places: each either
    // reads (and then annotates to a copy that reads the same) or is refused with a reason.
    let package = seed_docx();
    let mut rng = Lcg(7);
    for _ in 0..400 {
        let mut bytes = package.clone();
        let at = rng.below(bytes.len());
        bytes[at] ^= 1 << rng.below(8);
        let Ok(x) = gazette::docx::read(&bytes) else {
            continue;
        };
        let comment = gazette::docx::annotate::Comment {
            start: 0,
            end: x.text.len().min(30),
            paragraphs: vec!["x".into()],
        };
        if let Ok(copy) = gazette::docx::annotate::annotate(&bytes, &x, &[comment]) {
            assert_eq!(gazette::docx::read(&copy).unwrap().text, x.text);
        }
    }
    // The document part damaged as text (a piece cut out, a byte changed): the reader
    // refuses it or reads it, and what it reads it annotates anywhere without a panic.
    let xml = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&package[..])).unwrap();
        let mut x = Vec::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_end(&mut x)
            .unwrap();
        x
    };
    let (mut read, mut refused) = (0, 0);
    for _ in 0..300 {
        let mut bytes = xml.clone();
        let at = rng.below(bytes.len());
        if rng.below(2) == 0 {
            let n = rng.below(40).min(bytes.len() - at);
            bytes.drain(at..at + n);
        } else {
            let pool = b"<>/&;\"= w:tpr";
            bytes[at] = pool[rng.below(pool.len())];
        }
        let damaged = raw_zip(&[
            ("word/document.xml", &bytes),
            ("[Content_Types].xml", b"<Types/>"),
        ]);
        let Ok(x) = gazette::docx::read(&damaged) else {
            refused += 1;
            continue;
        };
        read += 1;
        let comments: Vec<_> = (0..5)
            .map(|_| {
                let a = rng.below(x.text.len() + 1);
                gazette::docx::annotate::Comment {
                    start: a,
                    end: a + rng.below(50),
                    paragraphs: vec!["x".into()],
                }
            })
            .collect();
        let copy = gazette::docx::annotate::annotate(&damaged, &x, &comments).unwrap();
        assert_eq!(gazette::docx::read(&copy).unwrap().text, x.text);
    }
    assert!(read > 30 && refused > 30, "read {read}, refused {refused}");
}

#[test]
fn paragraphs_joined_with_tracking_on_read_as_one() {
    // The page's broken paragraph (「…和选举法的有」, a blank line, 「关规定，…」) joined in
    // Word with tracking on: once accepted it is one paragraph, and GZ004 has nothing to say.
    let d = dir("joined");
    let draft = d.join("joined.docx");
    std::fs::write(&draft, seed_docx_joining(&[112, 113])).unwrap();
    let joined = findings(&json_of(s(&draft)));
    let text = findings(&json_of(SEED_TEXT));
    assert!(text.iter().any(|f| f.0 == "GZ004"));
    assert!(!joined.iter().any(|f| f.0 == "GZ004"), "{joined:?}");
    assert_eq!(joined.len(), text.len() - 1);
    // Lines after the join come two paragraphs earlier: GZ305 of line 117 is on paragraph 115.
    let gz305 = |f: &[(String, u64, u64, u64, u64, u64, String)]| {
        f.iter().find(|f| f.0 == "GZ305").map(|f| f.1).unwrap()
    };
    assert_eq!(gz305(&joined), gz305(&text) - 2);
}
