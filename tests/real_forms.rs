//! `examples/real-forms/`: notices in the forms of real prints from places and years the first
//! examples did not cover. Each must be read as the kind of notice it is and give exactly the
//! findings its README names; where the README says a total is verifiable, a wrong total must
//! be caught with that computation (a silent pass would also give "no findings").

use std::path::Path;

use gazette::ast::{NoticeBody, NoticeKind};
use gazette::check::Settings;
use gazette::report::{check_bytes, FileReport};

fn check(name: &str, text: &str) -> FileReport {
    check_bytes(
        &format!("examples/real-forms/{name}"),
        text.as_bytes(),
        &Settings::default(),
    )
}

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/real-forms")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Each form: its file, the kind it must be read as, the codes it must report (errors,
/// warnings and style), as in examples/real-forms/README.md.
const FORMS: &[(&str, NoticeKind, &[&str])] = &[
    ("d01-hebi-2024a-decision.md", NoticeKind::Decision, &[]),
    ("d04-chizhou-2019-decision.md", NoticeKind::Decision, &[]),
    ("d07-lishui-2021-decision.md", NoticeKind::Decision, &[]),
    (
        "d08-jiangxi-2017-decision.md",
        NoticeKind::Decision,
        &["GZ004"],
    ),
    ("d10-tianjin-2022-decision.md", NoticeKind::Decision, &[]),
    ("p01-xiangzhou-2020-list.md", NoticeKind::Personnel, &[]),
    ("p03-henan-2020-list.md", NoticeKind::Personnel, &[]),
    ("r02-npc-2014-qual.md", NoticeKind::Qualification, &[]),
    ("r10-jiangsu-2014-qual.md", NoticeKind::Qualification, &[]),
    ("r12-taizhou-2023a-qual.md", NoticeKind::Qualification, &[]),
    ("r14-taizhou-2024-qual.md", NoticeKind::Qualification, &[]),
    ("r18-sichuan-2013-qual.md", NoticeKind::Qualification, &[]),
    (
        "r19-tongshan-2018-byelection.md",
        NoticeKind::ByElection,
        &[],
    ),
    ("r21-huangshi-2019-qual.md", NoticeKind::Qualification, &[]),
    ("r22-npc-2024b-qual.md", NoticeKind::Qualification, &[]),
    ("r32-zhoukou-2015-qual.md", NoticeKind::Qualification, &[]),
    ("d11-xianxian-2024a-decision.md", NoticeKind::Decision, &[]),
    ("d12-xianxian-2024b-decision.md", NoticeKind::Decision, &[]),
    ("d13-zhongxian-2025-decision.md", NoticeKind::Decision, &[]),
    ("d14-fangxian-2023-decision.md", NoticeKind::Decision, &[]),
    ("d15-changyang-2022-decision.md", NoticeKind::Decision, &[]),
    ("d16-changshan-2022-decision.md", NoticeKind::Decision, &[]),
    ("d17-ningyuan-2021-decision.md", NoticeKind::Decision, &[]),
    ("d18-danfeng-2021-decision.md", NoticeKind::Decision, &[]),
    ("d19-xiangyang-2021-decision.md", NoticeKind::Decision, &[]),
    (
        "d20-bozhou-2021-decision.md",
        NoticeKind::Decision,
        &["GZ004"],
    ),
    ("d21-gansu-1989-decision.md", NoticeKind::Decision, &[]),
    (
        "d22-ningxia-2016-promulgation.md",
        NoticeKind::Decision,
        &[],
    ),
    ("d23-xiangxi-1998-decision.md", NoticeKind::Decision, &[]),
    ("d24-daguan-2014-decision.md", NoticeKind::Decision, &[]),
    ("d25-luohe-2023-decision.md", NoticeKind::Decision, &[]),
    // Defective variants: each must give its finding.
    (
        "x01-huangshi-2019-qual-renamed.md",
        NoticeKind::Qualification,
        &["GZ202"],
    ),
    (
        "x03-bozhou-2021-decision-date.md",
        NoticeKind::Decision,
        &["GZ402", "GZ004"],
    ),
    (
        "x05-npc-2024b-qual-dropped.md",
        NoticeKind::Qualification,
        &["GZ003"],
    ),
    (
        "x06-xianxian-2024b-decision-twice.md",
        NoticeKind::Decision,
        &["GZ003"],
    ),
    (
        "x07-npc-2024b-qual-renamed.md",
        NoticeKind::Qualification,
        &["GZ202"],
    ),
    (
        "x09-daguan-2014-decision-renamed.md",
        NoticeKind::Decision,
        &["GZ401"],
    ),
    (
        "x12-luohe-2023-decision-twice.md",
        NoticeKind::Decision,
        &["GZ003"],
    ),
];

/// Forms printed as two notices: 宁夏 2016 prints the promulgating 公告, then the decision.
fn notices_in(name: &str) -> usize {
    if name.starts_with("d22") {
        2
    } else {
        1
    }
}

#[test]
fn every_real_form_gives_exactly_its_findings() {
    let listed =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/real-forms"))
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with(".md") && name != "README.md"
            })
            .count();
    assert_eq!(listed, FORMS.len(), "a real form without expectations");
    for (name, kind, codes) in FORMS {
        let report = check(name, &read(name));
        let notices: Vec<_> = report.document.notices().collect();
        assert_eq!(
            notices.len(),
            notices_in(name),
            "{name}: {} notices read",
            notices.len()
        );
        for notice in &notices {
            assert_eq!(notice.kind, *kind, "{name}");
        }
        let found: Vec<&str> = report.findings().map(|d| d.code).collect();
        assert_eq!(&found, codes, "{name}");
        if !name.starts_with('x') {
            assert!(notices.iter().all(|n| n.unrecognised.is_empty()), "{name}");
        }
        // Broken text is an error, not a wording the tool does not know.
        for d in report.findings().filter(|d| d.code == "GZ003") {
            assert_eq!(d.severity, gazette::diagnostic::Severity::Error, "{name}");
        }
    }
}

/// A total the README calls verifiable is checked: one more or one less is reported with the
/// computation.
#[test]
fn the_verifiable_totals_are_verified() {
    for (name, printed, computation) in [
        ("r12-taizhou-2023a-qual.md", "现实有465名", "464 + 1 = 465"),
        (
            "r14-taizhou-2024-qual.md",
            "现实有467名",
            "467 − 5 + 5 = 467",
        ),
        (
            "r18-sichuan-2013-qual.md",
            "实有代表905名",
            "906 − 14 + 13 = 905",
        ),
    ] {
        let text = read(name);
        assert!(check(name, &text).findings().next().is_none(), "{name}");
        let wrong = text.replace(printed, &printed.replace("46", "47").replace("905", "904"));
        assert_ne!(wrong, text);
        let report = check(name, &wrong);
        let messages: Vec<String> = report
            .findings()
            .filter(|d| d.code == "GZ201")
            .map(|d| d.message.zh.to_string())
            .collect();
        assert!(
            messages.len() == 1 && messages[0].contains(computation),
            "{name}: {messages:?}"
        );
    }
}

/// The decision's title and body are read as such, the title joined across its lines.
#[test]
fn decisions_are_read_with_their_titles() {
    for (name, matter) in [
        (
            "d01-hebi-2024a-decision.md",
            "接受邵文涛同志辞去鹤壁市人民政府市长职务请求",
        ),
        (
            "d07-lishui-2021-decision.md",
            "接受程亮同志辞去南京市溧水区人民政府区长职务",
        ),
        (
            "d10-tianjin-2022-decision.md",
            "召开天津市第八届人民代表大会第一次会议",
        ),
    ] {
        let report = check(name, &read(name));
        let notice = report.document.notices().next().unwrap();
        let NoticeBody::Decision(d) = &notice.body else {
            panic!("{name}: not a decision");
        };
        assert_eq!(d.title.as_ref().unwrap().matter.text, matter, "{name}");
        assert!(!d.paragraphs.is_empty(), "{name}: no body");
        assert!(notice.adoption.is_some(), "{name}: no adoption line");
    }
    // The title names the resignation; a body accepting someone else's is caught.
    let text = read("d08-jiangxi-2017-decision.md").replace("接受龚立民辞去", "接受龚力民辞去");
    let report = check("d08-jiangxi-2017-decision.md", &text);
    assert!(report.findings().any(|d| d.code == "GZ401"));
}

/// The by-election's seats: five districts with one seat each are 5.
#[test]
fn the_by_election_count_is_checked() {
    let name = "r19-tongshan-2018-byelection.md";
    let report = check(name, &read(name).replace("共计5名", "共计6名"));
    let found: Vec<&str> = report.findings().map(|d| d.code).collect();
    assert_eq!(found, ["GZ206"]);
}

/// A text in which no notice is found is not a clean pass: a note says nothing was checked.
#[test]
fn a_text_without_notices_gets_a_note() {
    let report = check(
        "news.md",
        "## 本市召开经济工作会议\n\n会议要求各部门抓好落实。\n",
    );
    assert_eq!(report.findings().count(), 0);
    let notes: Vec<String> = report.notes().map(|d| d.message.zh.to_string()).collect();
    assert!(
        notes.iter().any(|m| m.starts_with("未发现公告")),
        "{notes:?}"
    );
    // Printed in every format, also without --explain-skipped.
    let reports = [report];
    let lang = gazette::diagnostic::Lang::Zh;
    assert!(gazette::render::concise::render(&reports, lang).contains("未发现公告"));
    assert!(gazette::render::github::render(&reports, lang).contains("未发现公告"));
}

/// A sentence in a wording the grammar does not know is a warning (not an error), and the
/// checks that needed it say so instead of guessing: here the consequence 「罗雪松的…职务相应终止」
/// follows a termination the checker could not read, so GZ204 leaves a note, not an error.
#[test]
fn an_unread_sentence_degrades_to_notes() {
    let text = "## 四川省人民代表大会常务委员会公告\n\n（第7号）\n\n\
四川省人民代表大会常务委员会第五次会议经过审议，同意罗雪松辞去四川省第十二届人民代表大会代表职务的请求并予以公告。罗雪松的省人大常委会委员职务相应终止。\n\n\
四川省第十二届人民代表大会常务委员会\n\n2013年9月26日\n";
    let report = check("unread.md", text);
    let findings: Vec<(&str, gazette::diagnostic::Severity)> =
        report.findings().map(|d| (d.code, d.severity)).collect();
    assert!(
        findings.iter().all(|(c, _)| *c == "GZ003"),
        "only the unread wording is reported: {findings:?}"
    );
    assert!(findings
        .iter()
        .all(|(_, s)| *s == gazette::diagnostic::Severity::Warning));
    assert!(
        report.notes().any(|d| d.code == "GZ204"),
        "GZ204 says what it could not verify"
    );
}

/// Text printed twice inside a sentence is broken, an error, and is not read as a congress name.
#[test]
fn text_printed_twice_is_an_error() {
    let text = "## 全国人民代表大会常务委员会公告\n\n〔十三届〕第九号\n\n\
湖北省人民代表大会常务委员会接受了辞去第十陈晓梅辞去第十三届全国人民代表大会代表职务。依照代表法的有关规定，陈晓梅的代表资格终止。\n\n\
特此公告。\n\n全国人民代表大会常务委员会\n\n2020年1月5日\n";
    let report = check("doubled.md", text);
    let d = report
        .findings()
        .find(|d| d.code == "GZ003")
        .expect("GZ003");
    assert_eq!(d.severity, gazette::diagnostic::Severity::Error);
    assert!(
        d.message.zh.contains("「辞去第十」印了两遍"),
        "{}",
        d.message.zh
    );
}

/// A total past what a numeral may say (99999) is not dropped in silence: the clause is
/// reported as not read, and the total is not verified.
#[test]
fn a_total_past_99999_is_reported() {
    let text = "## 全国人民代表大会常务委员会公告\n\n〔十三届〕第九号\n\n\
截至目前，第十三届全国人民代表大会实有代表123456人。\n\n特此公告。\n\n全国人民代表大会常务委员会\n\n2020年1月5日\n";
    let report = check("big.md", text);
    let found: Vec<&str> = report.findings().map(|d| d.code).collect();
    assert_eq!(found, ["GZ003"]);
}
