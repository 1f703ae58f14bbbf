//! Each fragment of the grammar parsed alone through its entry rule.

use gazette::syntax::{NoticeParser, Rule};
use pest::iterators::Pair;
use pest::Parser;

fn accepts(rule: Rule, text: &str) -> bool {
    NoticeParser::parse(rule, text).is_ok()
}

/// The texts of every pair of `inner` rule inside the parse of `text`.
fn all(rule: Rule, text: &str, inner: Rule) -> Vec<String> {
    fn walk(p: Pair<Rule>, inner: Rule, out: &mut Vec<String>) {
        if p.as_rule() == inner {
            out.push(p.as_str().to_string());
        }
        for c in p.into_inner() {
            walk(c, inner, out);
        }
    }
    let mut out = Vec::new();
    for p in NoticeParser::parse(rule, text).unwrap_or_else(|e| panic!("{text}: {e}")) {
        walk(p, inner, &mut out);
    }
    out
}

#[test]
fn notice_numbers() {
    for ok in [
        "〔十三届〕第七号",
        "〔十四届〕第十五号",
        "[六届]第56号",
        "［十三届］第三十二号",
        "【六届】第56号",
        "（第59号）",
        "(第27号)",
        "第1号",
        "[2011]第35号",
        "〔七届〕第24号",
        "第四十一号",
    ] {
        assert!(accepts(Rule::number_root, ok), "{ok}");
    }
    for bad in ["〔六届第56号", "第号", "六届56号", "〔六届〕56号", "第56"] {
        assert!(!accepts(Rule::number_root, bad), "{bad}");
    }
}

#[test]
fn headers() {
    for ok in [
        "## 重庆市人民代表大会常务委员会公告\n\n[六届]第56号\n",
        "全国人民代表大会常务委员会公告 〔十三届〕第七号\n",
        "徐州市第十六届人民代表大会常务委员会公告第53号\n",
        "天水市人民代表大会常务委员会\n公  告\n第1号\n",
        "全国人民代表大会常务委员会任免名单\n",
        "重庆市人民代表大会常务委员会公告[2011]第35号",
    ] {
        assert!(accepts(Rule::header_root, ok), "{ok:?}");
    }
    for bad in [
        "重庆市人民代表大会常务委员会\n",
        "关于数字贸易的公告\n",
        "市人大常委会副主任赵世庆出席开幕式\n",
    ] {
        assert!(!accepts(Rule::header_root, bad), "{bad:?}");
    }
}

#[test]
fn adoption_lines() {
    assert!(accepts(
        Rule::adoption_root,
        "(2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过)"
    ));
    assert!(accepts(
        Rule::adoption_root,
        "（2019年4月23日第十三届全国人民代表大会常务委员会第十次会议通过）"
    ));
    assert!(!accepts(
        Rule::adoption_root,
        "（2024年11月28日重庆市第六届人民代表大会常务委员会通过）"
    ));
}

#[test]
fn section_headings() {
    for ok in [
        "一、决定任命",
        "二、任命",
        "三、批准任命",
        "四、决定免去",
        "五、免去",
        "六、批准",
        "任命：",
        "七、撤销",
        "八、决定代理",
    ] {
        assert!(accepts(Rule::section_root, ok), "{ok}");
    }
    for bad in ["一、", "决定任命姜国杰为副市长", "一、某某"] {
        assert!(!accepts(Rule::section_root, bad), "{bad}");
    }
}

#[test]
fn entries_and_their_parts() {
    let e = "朱学元、王峰、彭劲荣为重庆市人民检察院检察委员会委员；";
    assert_eq!(
        all(Rule::entry_root, e, Rule::name),
        ["朱学元", "王峰", "彭劲荣"]
    );
    assert_eq!(
        all(Rule::entry_root, e, Rule::post),
        ["重庆市人民检察院检察委员会委员"]
    );

    let e = "李生龙的重庆市高级人民法院副院长、审判委员会委员、审判员职务；";
    assert_eq!(
        all(Rule::entry_root, e, Rule::post),
        ["重庆市高级人民法院副院长", "审判委员会委员", "审判员"]
    );
    assert_eq!(all(Rule::entry_root, e, Rule::duty_word), ["职务"]);

    let e = "彭贵为重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长；";
    assert_eq!(
        all(Rule::entry_root, e, Rule::post),
        ["重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长"]
    );

    let e = "刘伟辞去重庆市九龙坡区人民检察院检察长职务；";
    assert_eq!(all(Rule::entry_root, e, Rule::resign_tail).len(), 1);

    // Verb-first items joined by 、, and the acting form.
    let e = "免去王五的某市财政局局长职务、任命李四为某市财政局局长；";
    assert_eq!(all(Rule::entry_root, e, Rule::entry_verb), ["免去", "任命"]);
    let e = "决定王为民为某市人民政府代理市长；";
    assert_eq!(all(Rule::entry_root, e, Rule::name), ["王为民"]);

    // A missing terminator or 职务 still reads (rules report it).
    assert!(accepts(
        Rule::entry_root,
        "蒋德阳为重庆市人大财政经济委员会副主任委员"
    ));
    assert!(accepts(
        Rule::entry_root,
        "陈强的重庆市人大社会建设委员会委员；"
    ));
    assert!(!accepts(Rule::entry_root, "重庆市人大社会建设委员会委员；"));
}

/// Names carry no delimiter: the length is chosen by what follows.
#[test]
fn names_are_split_by_what_follows() {
    let names = |text: &str| all(Rule::name_root, text, Rule::name);
    assert_eq!(names("王军（黑龙江）、王敏刚"), ["王军", "王敏刚"]);
    assert_eq!(
        all(Rule::name_root, "王蓉蓉（北京，女）", Rule::disambiguator),
        ["（北京，女）"]
    );
    assert_eq!(names("多来提曼·开米克（塔吉克族）"), ["多来提曼·开米克"]);
    assert_eq!(names("李𠇔、孙飙"), ["李𠇔", "孙飙"]);
    let clause = |text: &str| all(Rule::clause_item_root, text, Rule::name);
    assert_eq!(clause("确认孙兆民的代表资格有效。"), ["孙兆民"]);
    assert_eq!(
        clause("接受了孙飚提出辞去第十二届全国人民代表大会代表职务，"),
        ["孙飚"]
    );
    assert_eq!(
        clause("决定接受汤于辞去重庆市第六届人民代表大会代表职务，"),
        ["汤于"]
    );
    assert_eq!(clause("决定罢免刘定青省十二届人大代表职务。"), ["刘定青"]);
    assert_eq!(
        clause("依法补选严志华、孙金明为省十二届人大代表。"),
        ["严志华", "孙金明"]
    );
    assert_eq!(
        all(Rule::entry_root, "张有为为某市人民政府副市长；", Rule::name),
        ["张有为"]
    );
}

#[test]
fn deputy_clauses() {
    let clauses = [
        "截至目前，重庆市第六届人民代表大会实有代表846人",
        "现在，第十一届全国人民代表大会实有代表2979人",
        "市八届人大现实有代表270名",
        "确认姜国杰、蒋德阳、吴凯的重庆市第六届人民代表大会代表资格有效",
        "重庆市第六届人民代表大会常务委员会第十二次会议审议通过同意代表资格审查委员会的审查报告",
        "决定接受舒健、周文霞辞去第十三届全国人民代表大会代表职务",
        "接受了黄建华提出的辞去第十一届全国人民代表大会代表职务的请求",
        "决定罢免甘荣坤、翟友财的第十三届全国人民代表大会代表职务",
        "驻渝部队军人代表大会选出的重庆市第六届人民代表大会代表徐强调离重庆市",
        "第十三届全国人民代表大会代表王军（黑龙江）、王敏刚因病去世",
        "全国人民代表大会常务委员会对王军、王敏刚代表的去世表示哀悼",
        "依照代表法的有关规定，赵勇的重庆市第六届人民代表大会代表资格终止",
        "依照地方组织法和选举法的有关规定，其重庆市第六届人民代表大会教育科学文化卫生委员会委员职务相应终止",
        "递补陈晓峰为第十三届全国人民代表大会代表",
        "辞去代表职务的代表1名",
        "即麦积区选举的杜田海",
        "代表名额为774名",
        "省十二届人大一次会议时",
        "尚缺5名",
        "按照法律规定他们的代表资格终止",
        "代表资格自行终止",
    ];
    for c in clauses {
        assert!(accepts(Rule::clause_root, c), "{c}");
    }
    // The seed's damaged clause: 「代表」 is missing after the congress.
    let damaged = "梁平区人民代表大会常务委员会补选吴凯为重庆市第六届人民代表大会常务委员会第十二次会议审议通过";
    assert!(!accepts(Rule::clause_root, damaged));
}

#[test]
fn dates_titles_signatures_closings() {
    assert!(accepts(Rule::date_root, "2024年11月28日"));
    assert!(accepts(Rule::date_root, "二〇一九年四月二十三日"));
    assert!(!accepts(Rule::date_root, "2024年11月"));
    assert!(accepts(
        Rule::title_root,
        "关于接受张国智同志辞去重庆市人民政府副市长职务的决定"
    ));
    assert!(accepts(
        Rule::title_root,
        "重庆市人民代表大会常务委员会关于批准2024年市级预算调整方案的决议"
    ));
    assert!(!accepts(Rule::title_root, "关于数字贸易改革创新发展的意见"));
    assert!(accepts(
        Rule::signature_root,
        "重庆市人民代表大会常务委员会"
    ));
    assert!(accepts(Rule::closing_root, "特此公告。"));
    assert!(accepts(Rule::closing_root, "现予公告。"));
    assert!(accepts(Rule::press_root, "（授权发布）"));
    assert!(accepts(Rule::press_root, "新华社北京4月23日电"));
}

#[test]
fn numerals() {
    for ok in ["56", "５６", "十二", "二十四", "一百零五", "〇", "两"] {
        assert!(accepts(Rule::numeral_root, ok), "{ok}");
    }
    assert!(!accepts(Rule::numeral_root, "五十六号"));
}

/// Found by the benchmark's corpus: a two-character name before 因病, 同志 or 不幸.
#[test]
fn two_character_names_before_the_words_of_a_death() {
    let names = |text: &str| all(Rule::clause_item_root, text, Rule::name);
    assert_eq!(
        names("第十二届全国人民代表大会代表高明因病去世。"),
        ["高明"]
    );
    assert_eq!(names("广东省第十三届人民代表大会代表宋涛同志，"), ["宋涛"]);
    assert_eq!(names("刘文不幸遇害。"), ["刘文"]);
}

/// What a personnel decision's title decides: the person and the post are named rules, and a
/// matter of another shape is not a move.
#[test]
fn title_moves() {
    let read = |text: &str| {
        let name = all(Rule::title_move_root, text, Rule::title_name);
        let office = all(Rule::title_move_root, text, Rule::title_office);
        let post = all(Rule::title_move_root, text, Rule::title_post);
        (name, [office, post].concat())
    };
    for (text, name, post) in [
        (
            "接受张国智同志辞去重庆市人民政府副市长职务",
            "张国智",
            "重庆市人民政府副市长",
        ),
        (
            "接受王志远辞去襄阳市人民政府市长职务请求",
            "王志远",
            "襄阳市人民政府市长",
        ),
        (
            "决定接受陈明辞去广东省人民政府副省长职务的辞职请求",
            "陈明",
            "广东省人民政府副省长",
        ),
        (
            "决定免去王建平的天津市财政局局长职务",
            "王建平",
            "天津市财政局局长",
        ),
        (
            "撤销吴德明的天津市第三中级人民法院审判员职务",
            "吴德明",
            "天津市第三中级人民法院审判员",
        ),
        ("任命刘海燕为天津市财政局局长", "刘海燕", "天津市财政局局长"),
    ] {
        assert_eq!(
            read(text),
            (vec![name.to_string()], vec![post.to_string()]),
            "{text}"
        );
    }
    assert!(accepts(
        Rule::title_move_root,
        "接受张国智同志辞去重庆市人民政府副市长职务"
    ));
    for not_a_move in [
        "重庆市与阿尔及利亚安纳巴省缔结友好城市关系",
        "接受李秀娟等三名同志辞去献县第十八届人大代表职务",
        "接受孙晓东辞职请求",
        "接受张国智辞去职务",
        "召开县第十九届人民代表大会第三次会议",
    ] {
        assert!(!accepts(Rule::title_move_root, not_a_move), "{not_a_move}");
    }
}

/// Entries name people with 同志 as decisions do; a post never begins with an entry's verb, so
/// a second action joined by 、 is not read as a post.
#[test]
fn entry_persons_and_post_shape() {
    assert!(accepts(
        Rule::entry_root,
        "张国强同志为重庆市第一中级人民法院审判员。"
    ));
    assert!(accepts(
        Rule::entry_root,
        "张国强同志、李明同志为重庆市第一中级人民法院审判员。"
    ));
    assert!(accepts(
        Rule::entry_root,
        "张国强为重庆市渝中区人民政府副区长、代理区长。"
    ));
    assert!(!accepts(
        Rule::entry_root,
        "张国强为重庆市渝中区人民政府副区长、决定为代理区长。"
    ));
    assert!(!accepts(
        Rule::entry_root,
        "张国强为任命重庆市渝中区人民政府副区长。"
    ));
}

/// A notice's matter in its header, a quoted provision in a legal basis, how the body voted,
/// 同志 after the names elected (周口 2015 form).
#[test]
fn by_election_of_a_city_committee() {
    assert!(accepts(
        Rule::header_root,
        "周口市人大常委会关于补选刘建伟、张秀兰为省十二届人大代表的公告"
    ));
    assert!(accepts(
        Rule::clause_root,
        "根据《选举法》第五十四条关于“县级以上地方各级人民代表大会闭会期间，可以补选上一级人民代表大会代表”，“补选出缺的代表时，代表候选人的名额可以多于应选代表名额”的规定"
    ));
    assert!(accepts(
        Rule::clause_root,
        "周口市第四届人民代表大会常务委员会第十七次会议采取等额选举的办法，补选刘建伟同志和张秀兰同志为省十二届人大代表"
    ));
    assert!(!accepts(
        Rule::clause_root,
        "会议采取等额选举，补选刘建伟为省十二届人大代表"
    ));
}

/// Legal bases without a law named, or with several citations each closed by 的规定; entries
/// for a group counted, or a resignation accepted; the request a decision accepts.
#[test]
fn more_bases_entries_and_requests() {
    for basis in [
        "依照有关规定，王立新的代表资格终止。",
        "根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第二十七条的规定、《重庆市各级人民代表大会常务委员会人事任免工作条例》第二十五条的规定，王立新的代表资格终止。",
    ] {
        assert!(accepts(Rule::paragraph_root, basis), "{basis}");
    }
    for entry in [
        "张伟、李明、王强等3人为重庆市第一中级人民法院审判员。",
        "决定接受王立新辞去重庆市人民政府副市长职务的请求。",
    ] {
        assert!(accepts(Rule::entry_root, entry), "{entry}");
    }
    for sentence in [
        "根据王志远同志的请求，重庆市第六届人民代表大会常务委员会第十二次会议决定，接受其辞去重庆市人民政府副市长职务的请求",
        "根据本人申请，会议决定，接受王志远辞去重庆市人民政府副市长职务",
    ] {
        assert!(accepts(Rule::decision_sentence_root, sentence), "{sentence}");
    }
}

/// 「不再担任」 removes as 「的」 does; the link word is a rule of its own.
#[test]
fn no_longer_holds() {
    assert_eq!(
        all(
            Rule::entry_root,
            "王刚不再担任海东市财政局局长职务。",
            Rule::entry_link_out
        ),
        ["不再担任"]
    );
    assert_eq!(
        all(
            Rule::entry_root,
            "王刚的海东市财政局局长职务。",
            Rule::entry_link_out
        ),
        ["的"]
    );
}

/// Voters recall with the adverbials of an election; the credentials committee reviews as the
/// subject of its sentence.
#[test]
fn voters_recall_and_committee_review() {
    assert!(accepts(
        Rule::clause_root,
        "三市镇第一选区选民依法罢免了王建的县第十八届人民代表大会代表职务"
    ));
    assert!(accepts(
        Rule::clause_root,
        "县人大常委会代表资格审查委员会对补选的代表进行了资格审查"
    ));
    assert!(!accepts(
        Rule::clause_root,
        "县人大常委会代表资格审查委员会对补选的代表"
    ));
}

/// The date and causes of a death in any order; a review introduced by 经.
#[test]
fn deaths_and_reviews_in_county_wordings() {
    for clause in [
        "平江县第十八届人民代表大会代表赵刚因病于2024年2月3日逝世",
        "平江县第十八届人民代表大会代表赵刚于2024年2月3日因病逝世",
        "平江县第十八届人民代表大会代表赵刚因病医治无效逝世",
        "经县人大常委会代表资格审查委员会审查",
    ] {
        assert!(accepts(Rule::clause_root, clause), "{clause}");
    }
    assert!(!accepts(
        Rule::clause_root,
        "平江县第十八届人民代表大会代表赵刚因病于2024年2月3日"
    ));
}

/// 「同意」 accepts a resignation as 「接受」 does; a decision of a meeting as the basis of a clause.
#[test]
fn consent_and_decision_basis() {
    assert!(accepts(
        Rule::clause_root,
        "平江县第十八届人民代表大会常务委员会第二十次会议同意李明辞去县第十八届人民代表大会代表职务"
    ));
    assert!(accepts(
        Rule::clause_root,
        "根据平江县第十八届人民代表大会常务委员会第二十次会议的决定，李明的代表资格终止"
    ));
    assert!(!accepts(
        Rule::clause_root,
        "根据平江县第十八届人民代表大会的决定李明"
    ));
}

/// The operative sentence: a cause inside the accepted resignation; an appointment before the
/// acting head.
#[test]
fn operative_sentences_with_cause_and_appointment() {
    for sentence in [
        "平江市第十五届人民代表大会常务委员会第二十次会议决定，接受李明因工作调动辞去平江市人民政府市长职务的请求，报平江市第十五届人民代表大会下次会议备案",
        "平江市第十五届人民代表大会常务委员会第二十次会议决定：任命王立新为平江市人民政府副市长，决定王立新为平江市人民政府代理市长",
    ] {
        assert!(accepts(Rule::decision_sentence_root, sentence), "{sentence}");
    }
}

/// A sentence with its deprivation of political rights in one clause; a death with its place;
/// a suspended mandate.
#[test]
fn sentences_deaths_and_suspensions() {
    assert_eq!(
        all(
            Rule::clause_root,
            "县第十八届人大代表王五因犯受贿罪被判处有期徒刑十年并处剥夺政治权利二年",
            Rule::deprivation
        ),
        ["并处剥夺政治权利二年"]
    );
    for clause in [
        "平江县第十八届人民代表大会代表郑十因病于2024年1月3日在长沙逝世",
        "其代表职务暂停执行",
        "暂停其执行代表职务",
    ] {
        assert!(accepts(Rule::clause_root, clause), "{clause}");
    }
    assert!(!accepts(Rule::clause_root, "其代表职务暂停"));
}

/// A transfer whose subject stood in the clause before (「调离本县」 is no name); a quota as
/// 「应有代表」; a request before its acceptance; a finding without its verb; 在任期内 after a name.
#[test]
fn county_wordings_of_the_last_probe() {
    for clause in [
        "调离本县",
        "平江县第十八届人民代表大会应有代表250名",
        "向县人大常委会提出辞去县第十八届人民代表大会代表职务的请求",
        "经县第十八届人民代表大会常务委员会代表资格审查委员会审查确认",
        "补选的杨光、何静2名代表资格有效",
        "县第十八届人民代表大会代表许强在任期内去世",
    ] {
        assert!(accepts(Rule::clause_root, clause), "{clause}");
    }
    assert_eq!(
        all(Rule::clause_root, "调离本县", Rule::person),
        Vec::<String>::new()
    );
    assert!(!accepts(Rule::clause_root, "杨光、何静2名代表资格有效"));
}

/// `name_char` skips its test for invisible characters and marks when the next character is
/// Han (U+3400–U+9FFF) or full-width (U+FF00–U+FFEF): that guard must skip none of them.
#[test]
fn the_name_char_guard_skips_no_mark_or_invisible_character() {
    let mark = regex::Regex::new(r"^\p{M}$").unwrap();
    let invisible = [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
    ];
    for c in ('\u{3400}'..='\u{9FFF}').chain('\u{FF00}'..='\u{FFEF}') {
        assert!(
            !mark.is_match(&c.to_string()),
            "U+{:04X} is a mark",
            c as u32
        );
        assert!(!invisible.contains(&c), "U+{:04X} is invisible", c as u32);
    }
    // And what it lets through is still part of the name: a zero-width space, a combining
    // mark and an ideographic variation selector (U+E0100, outside the BMP).
    for (text, name) in [
        ("王\u{200B}军为重庆市人民政府副市长", "王\u{200B}军"),
        ("王军\u{0301}为重庆市人民政府副市长", "王军\u{0301}"),
        ("王\u{E0100}小军为重庆市人民政府副市长", "王\u{E0100}小军"),
    ] {
        assert_eq!(all(Rule::entry, text, Rule::name), [name], "{text}");
    }
}
