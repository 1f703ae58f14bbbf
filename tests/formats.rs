//! Every output format on the same inputs: snapshots, SARIF validated against the official
//! schema, and one finding placed identically by every format on a line with 𠇔 before it.

use gazette::check::Settings;
use gazette::diagnostic::Lang;
use gazette::render::{concise, github, human, json, sarif};
use gazette::report::{check_all, FileReport};

/// The seed page, a list with an Extension-B name before a finding, and a GB18030 file.
fn reports() -> Vec<FileReport> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| (p.to_string(), std::fs::read(root.join(p)).unwrap());
    let extb = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第58号\n\n（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）\n\n### 一、任命\n\n李𠇔为重庆市人民检察院检察员\n张三为重庆市人民检察院检察员。\n";
    check_all(
        vec![
            read("examples/chongqing-2024-11-28.md"),
            ("examples/extension-b.md".into(), extb.as_bytes().to_vec()),
            read("examples/rules/gz002-fires.md"),
        ],
        &Settings::default(),
    )
}

#[test]
fn every_format_snapshot() {
    let r = reports();
    let opts = human::Options {
        lang: Lang::Zh,
        color: false,
        show_notes: false,
    };
    insta::assert_snapshot!("human", human::render(&r, &opts));
    insta::assert_snapshot!("concise", concise::render(&r, Lang::Zh));
    insta::assert_snapshot!("json", json::render(&r, Lang::Zh));
    insta::assert_snapshot!(
        "sarif",
        sarif::render(&r, &gazette::check::rule_infos(), &[], Lang::Zh)
    );
    insta::assert_snapshot!("github", github::render(&r, Lang::Zh));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    // Formats (uri-reference …) are validated too; tests/data/README.md notes the two
    // patterns of the schema corrected in our copy.
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the schema compiles: {e}"));
    // The validator does reject what is not SARIF.
    assert!(!validator.is_valid(&serde_json::json!({ "runs": [] })));
    assert!(!validator
        .is_valid(&serde_json::json!({ "version": "2.1.0", "runs": [{ "results": [] }] })));
    let r = reports();
    for errors in [vec![], vec!["无法读取 nope.md".to_string()]] {
        let log: serde_json::Value = serde_json::from_str(&sarif::render(
            &r,
            &gazette::check::rule_infos(),
            &errors,
            Lang::Zh,
        ))
        .unwrap();
        let problems: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }
    // Non-ASCII paths become valid URI references.
    assert_eq!(
        sarif::uri("公告/第58号.md"),
        "%E5%85%AC%E5%91%8A/%E7%AC%AC58%E5%8F%B7.md"
    );
}

/// GZ303 on 「李𠇔为…检察员」 (no 「；」): the entry's last character is column 14 in characters
/// and 15 in UTF-16 units, because 𠇔 is outside the BMP. Every format must agree.
#[test]
fn every_format_places_a_finding_after_an_extension_b_character_alike() {
    let r = reports();
    let file = &r[1];
    let d = file
        .findings()
        .find(|d| d.code == "GZ303")
        .expect("GZ303 on the 𠇔 line");
    let (start, _) = gazette::render::range(&file.line_index, &file.source, d.span);
    assert_eq!((start.line, start.column, start.column_utf16), (9, 14, 15));

    let expect = "examples/extension-b.md:9:14: style: GZ303";
    assert!(concise::render(&r, Lang::Zh).contains(expect));
    assert!(github::render(&r, Lang::Zh).contains("file=examples/extension-b.md,line=9,col=14,"));
    let j: serde_json::Value = serde_json::from_str(&json::render(&r, Lang::Zh)).unwrap();
    let jd = &j["files"][1]["diagnostics"][0];
    assert_eq!(jd["code"], "GZ303");
    assert_eq!(jd["range"]["start"]["line"], 9);
    assert_eq!(jd["range"]["start"]["column"], 14);
    assert_eq!(jd["range"]["start"]["column_utf16"], 15);
    let s: serde_json::Value = serde_json::from_str(&sarif::render(
        &r,
        &gazette::check::rule_infos(),
        &[],
        Lang::Zh,
    ))
    .unwrap();
    let result = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| {
            x["ruleId"] == "GZ303"
                && x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "examples/extension-b.md"
        })
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(9), Some(14))
    );
    let h = human::render(
        &r,
        &human::Options {
            lang: Lang::Zh,
            color: false,
            show_notes: false,
        },
    );
    assert!(h.contains("位置：examples/extension-b.md:9:14"));
}
