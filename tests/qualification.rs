//! The semantic model of a qualification notice: who is introduced on which ground, and which
//! later clause restates whom.

use gazette::model::qualification::{Ground, QualificationModel, Restating};
use gazette::syntax::parse_document;

fn notice(body: &str) -> String {
    format!("## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第70号\n\n{body}\n\n特此公告。\n\n重庆市人民代表大会常务委员会\n\n2024年12月28日\n")
}

/// (name, ground) of every introduction.
type Introduced = Vec<(String, Ground)>;
/// The names each restatement covers.
type Restated = Vec<(Restating, Vec<String>)>;

fn model(body: &str) -> (Introduced, Restated) {
    let text = notice(body);
    let doc = parse_document(&text);
    let n = doc.notices().next().expect("a notice");
    assert!(n.unrecognised.is_empty(), "{:?}", n.unrecognised);
    let m = QualificationModel::of(n).expect("qualification");
    let intros = m
        .introductions
        .iter()
        .map(|i| (i.key.clone(), i.ground))
        .collect();
    let restated = m
        .restatements
        .iter()
        .map(|r| {
            (
                r.kind,
                r.covers
                    .iter()
                    .map(|&i| m.introductions[i].key.clone())
                    .collect(),
            )
        })
        .collect();
    (intros, restated)
}

#[test]
fn pronouns_and_counts_restate_the_open_introductions() {
    let (intros, restated) =
        model("东丰县的李春明和西安区的白三立调离本行政区，按照法律规定他们的代表资格终止。");
    assert_eq!(
        intros,
        [
            ("李春明".into(), Ground::Transferred),
            ("白三立".into(), Ground::Transferred)
        ]
    );
    assert_eq!(
        restated,
        [(
            Restating::Termination,
            vec!["李春明".to_string(), "白三立".to_string()]
        )]
    );
}

#[test]
fn a_death_without_subject_belongs_to_the_person_named_before() {
    let (intros, _) = model(
        "重庆市第六届人民代表大会代表、重庆市第六届人民代表大会常务委员会委员宋海涛同志，于2024年12月1日突发心脏病，经抢救无效逝世。依照代表法的有关规定，宋海涛的代表资格自然终止。",
    );
    assert_eq!(
        intros,
        [("宋海涛".into(), Ground::Died)],
        "one death over two clauses"
    );
}

#[test]
fn count_first_clauses_give_the_ground_of_the_names_after_ji() {
    let (intros, restated) = model(
        "因工作变动调离本行政区域的代表1名，即清水县选举的王正林；辞去代表职务的1名，即麦积区选举的杜田海。依照代表法的有关规定，王正林、杜田海的重庆市第六届人民代表大会代表资格终止。",
    );
    assert_eq!(
        intros,
        [
            ("王正林".into(), Ground::Transferred),
            ("杜田海".into(), Ground::Resigned)
        ]
    );
    assert_eq!(restated[0].1, ["王正林", "杜田海"]);
}

#[test]
fn unit_and_name_printed_together_are_split() {
    let (intros, _) = model(
        "此后，市六届人大代表出缺3名：长沙陈润生（调离），衡阳李江（辞职）、陈雪梅（辞职）。依照法律规定，陈润生、李江、陈雪梅等3人的重庆市第六届人民代表大会代表资格终止。",
    );
    assert_eq!(
        intros,
        [
            ("陈润生".into(), Ground::Transferred),
            ("李江".into(), Ground::Resigned),
            ("陈雪梅".into(), Ground::Resigned)
        ]
    );
}

#[test]
fn padded_and_disambiguated_names_are_the_same_person() {
    let (_, restated) = model(
        "大渡口区人民代表大会常务委员会决定接受王　军（黑龙江）辞去重庆市第六届人民代表大会代表职务，依照代表法的有关规定，王军的重庆市第六届人民代表大会代表资格终止。",
    );
    assert_eq!(
        restated,
        [(Restating::Termination, vec!["王军".to_string()])]
    );
}

#[test]
fn a_sentence_with_deprivation_of_political_rights_ends_the_mandate() {
    let (intros, _) = model(
        "王五被判处有期徒刑五年，并处剥夺政治权利二年，依照代表法的有关规定，王五的重庆市第六届人民代表大会代表资格终止。",
    );
    assert_eq!(intros, [("王五".into(), Ground::Deprived)]);
    let (intros, _) = model(
        "王五因涉嫌受贿罪被逮捕，依照代表法的有关规定，王五的重庆市第六届人民代表大会代表资格终止。",
    );
    assert_eq!(intros, [("王五".into(), Ground::Detained)]);
}
