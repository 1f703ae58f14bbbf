//! Names as the model compares them: a person's key, the congress and standing committee a
//! name refers to, a post spelt out with its issuer's region. One place for each, so that the
//! rules, the roster and the language server never disagree on whether two names are one.

pub use crate::domain::body::BodyName;

/// The key under which two mentions are the same person: the name without disambiguator,
/// alignment padding (王　军) or invisible characters.
pub fn name_key(name: &str) -> String {
    let kept = |c: &char| !c.is_whitespace() && !crate::source::is_invisible(*c);
    // Almost every name has nothing to drop: copied whole, in one allocation of its size, not
    // grown a character at a time (every personnel rule asks for every move's key).
    if name.chars().all(|c| kept(&c)) {
        return name.to_owned();
    }
    name.chars().filter(kept).collect()
}

/// Two names of the same length that differ in exactly one character (「庞静华」「庞伟华」):
/// one of them may be a misprint of the other.
pub fn one_char_apart(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1
}

/// The issuer's region: 「重庆市人民代表大会常务委员会」 → 「重庆市」.
pub fn issuer_region(issuer: &str) -> String {
    // Asked for every move of a notice, with the same issuer each time: the last answer of
    // each thread is kept (parsing the name was 1.5 % of a check).
    thread_local! {
        static LAST: std::cell::RefCell<(String, String)> = const {
            std::cell::RefCell::new((String::new(), String::new()))
        };
    }
    // The first answer kept, 「」 for 「」, is what the parse gives.
    LAST.with_borrow_mut(|(asked, region)| {
        if asked != issuer {
            *region = region_of(issuer);
            asked.clear();
            asked.push_str(issuer);
        }
        region.clone()
    })
}

fn region_of(issuer: &str) -> String {
    let n = BodyName::parse(issuer).body;
    n.strip_suffix("人民代表大会常务委员会")
        .unwrap_or(&n)
        .to_string()
}

/// 「重庆市第六届人民代表大会」 / 「重庆市六届人大」 → (「重庆市人民代表大会」, 6).
pub fn parse_congress_name(name: &str) -> Option<(String, Option<u32>)> {
    let BodyName { body, term } = BodyName::parse(name);
    let region = body.strip_suffix("人民代表大会")?;
    if region.is_empty() || region.contains("委员会") {
        return None;
    }
    Some((body, term))
}

/// The canonical name of a congress: region, term, 人民代表大会.
pub fn congress_name(body: &str, term: Option<u32>) -> String {
    let region = body.strip_suffix("人民代表大会").unwrap_or(body);
    match term {
        Some(t) => format!(
            "{region}第{}届人民代表大会",
            crate::syntax::numerals::to_chinese(t)
        ),
        None => body.to_string(),
    }
}

/// The congress whose standing committee issued a notice: 「重庆市人民代表大会常务委员会」 →
/// 「重庆市人民代表大会」.
pub fn congress_of_issuer(issuer: &str) -> String {
    let n = BodyName::parse(issuer).body;
    match n.strip_suffix("常务委员会") {
        Some(body) => body.to_string(),
        None => n,
    }
}

/// A post in the roster's form, spelt out with the issuer's region when abbreviated:
/// 「市财政局局长」 in a 重庆市 notice → 「重庆市财政局局长」.
pub fn full_post(key: &str, region: &str) -> String {
    let last = region
        .chars()
        .next_back()
        .map(String::from)
        .unwrap_or_default();
    match key.strip_prefix(last.as_str()) {
        Some(rest) if !key.starts_with(region) && !region.is_empty() => format!("{region}{rest}"),
        _ => key.to_string(),
    }
}

/// The standing committee a name refers to, with the common abbreviations spelt out, so that
/// 「重庆市人大常委会」 and 「重庆市人民代表大会常务委员会」 compare equal; the term is kept.
pub fn normalise_body(name: &str) -> String {
    crate::domain::body::spell_out(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer kept from the call before is the answer for the issuer asked, whatever was
    /// asked before it (the empty issuer included, which the first kept answer stands for).
    #[test]
    fn issuer_region_answers_as_the_parse_whatever_came_before() {
        let asked = [
            "",
            "重庆市人民代表大会常务委员会",
            "重庆市人民代表大会常务委员会",
            "湖北省人大常委会",
            "",
            "全国人民代表大会常务委员会",
            "重庆市人民代表大会常务委员会",
        ];
        for issuer in asked {
            assert_eq!(issuer_region(issuer), region_of(issuer), "「{issuer}」");
        }
        assert_eq!(issuer_region("湖北省人大常委会"), "湖北省");
        assert_eq!(issuer_region(""), "");
    }
}
