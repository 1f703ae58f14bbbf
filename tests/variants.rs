//! Every wording of VARIANTS.md must occur inside a notice of some example that the grammar
//! reads without a single GZ003. The fragments below are quoted from VARIANTS.md (commas
//! written full-width, as in print).

use gazette::syntax::parse_document;

const FRAGMENTS: &[&str] = &[
    // Notice-number formats
    "〔十三届〕第七号",
    "〔十四届〕第十五号",
    "〔十二届〕第七号",
    "〔十一届〕第二十五号",
    "〔十届〕第三十号",
    "[十三届]第三十二号",
    "（第27号）",
    "（第4号）",
    "（第59号）",
    "（第5号）",
    "第1号",
    "公告[2011]第35号",
    "公告〔十三届〕第六十五号",
    "公告〔七届〕第24号",
    "公告第四十一号",
    "公告第60号",
    "公告第299号",
    "常务委员会公告第53号",
    // Total line
    "截至目前，第十三届全国人民代表大会实有代表",
    "现在，第十一届全国人民代表大会实有代表2979人",
    "截止目前，天水市第七届人民代表大会实有代表358名，尚缺5名",
    "四川省第十三届人民代表大会现有代表874人",
    "现实有代表",
    "市八届人大现实有代表270名",
    "省十二届人民代表大会实有代表736名",
    "尚缺",
    // Baseline and quota
    "代表名额为774名",
    "代表总名额为363名",
    "代表应为881名",
    "省十二届人大一次会议时，实有代表768名",
    "第十八次会议时实有代表361名，缺额2名",
    "第五次会议确认",
    "机动1名",
    // Resignation
    "决定接受",
    "接受了田玉",
    "提出辞去第十二届全国人民代表大会代表职务",
    "提出的辞去第十一届全国人民代表大会代表职务的请求",
    "分别接受了",
    "提出的辞去第十届全国人民代表大会代表的请求",
    "辞去长沙市第十六届人民代表大会代表职务的请求",
    "（辞职）",
    "因工作变动",
    "辞去代表职务的1名，即麦积区选举的杜田海",
    // Recall
    "决定罢免",
    "罢免了",
    "省十二届人大代表职务",
    "军人代表大会决定罢免",
    // Termination consequence
    "依照《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》的有关规定",
    "依照代表法的有关规定",
    "依照法律规定",
    "根据代表法的有关规定",
    "按照法律规定他们的代表资格终止",
    "代表资格自行终止",
    // Death
    "因病去世",
    "不幸遇害",
    "经抢救无效逝世",
    "因病逝世的代表1名，即甘谷县选举的",
    "表示哀悼",
    "表示沉痛哀悼",
    "自然终止",
    // Confirmation, by-election, substitution
    "递补",
    "出缺1名",
    "根据代表资格审查委员会提出的报告",
    "同意代表资格审查委员会的审查报告",
    "听取并同意代表资格审查委员会的审查报告",
    "依法分别补选了",
    "依法选举或者补选",
    "召开全体军人大会依法补选",
    "最近，",
    "审议确认2987名代表的代表资格全部有效",
    // Knock-on posts
    "职务相应终止",
    "职务相应撤销",
    // Transfer
    "调离四川",
    "调离本行政区",
    "因工作变动调离本行政区域的代表1名",
    "（调离）",
    "已调离湖南",
    // Names and disambiguators
    "王军（黑龙江）",
    "王蓉蓉（北京，女）",
    "石宗源（贵州，回族）",
    "（蒙古族）",
    "黄兰香（女，辞职）",
    "邓英（女）",
    "多来提曼·开米克（塔吉克族）",
    "孙保卫（总装27基地政治委员）",
    // Personnel-list entries
    "兼",
    "现任",
    "代理",
    "批准免去",
    "批准任命",
    "撤销",
    // Closers and headers
    "特此公告。",
    "现予公告。",
    "（授权发布）",
];

struct Example {
    path: String,
    text: String,
    notice_spans: Vec<(usize, usize)>,
    clean: bool,
}

mod common;

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for path in common::example_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the byte-level fixtures of GZ001/GZ002
        };
        let doc = parse_document(&text);
        let clean = doc.notices().all(|n| n.unrecognised.is_empty());
        out.push(Example {
            path: path.display().to_string(),
            notice_spans: doc.notices().map(|n| (n.span.start, n.span.end)).collect(),
            text,
            clean,
        });
    }
    out
}

#[test]
fn every_wording_of_variants_md_parses_in_some_example() {
    let examples = examples();
    let mut missing = Vec::new();
    for fragment in FRAGMENTS {
        let found = examples.iter().filter(|e| e.clean).any(|e| {
            e.text.match_indices(fragment).any(|(at, _)| {
                e.notice_spans
                    .iter()
                    .any(|&(s, end)| s <= at && at + fragment.len() <= end)
            })
        });
        if !found {
            missing.push(*fragment);
        }
    }
    let unclean: Vec<&str> = examples
        .iter()
        .filter(|e| !e.clean)
        .map(|e| e.path.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "wordings not found inside a cleanly parsed notice: {missing:?}\n(examples with GZ003: {unclean:?})"
    );
}
