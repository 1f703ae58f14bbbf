//! GZ316 similar-names.

use crate::hash::HashMap;

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::names::one_char_apart;
use crate::model::personnel::Direction;

pub const RULE: RuleDef = RuleDef {
    code: "GZ316",
    name: "similar-names",
    severity: Severity::Note,
    enabled_by_default: true,
    summary: "任命的人与免职的人名字只差一个字 / a person appointed and a person removed whose names differ in one character",
    explanation: r#"## 检查什么 (What it does)
同一文件的任免中，一个只被任命（或决定任命、批准任命）的人与一个只被免去（或辞去）职务的人，
名字长度相同（三个字以上）、只有一个字不同时，给出提示：若两处是同一个人（调任：任新职、免原职），
其中一处名字印错了；若确是两个人，无需改动。

这是一条提示（note），不是错误：名字相近的两个人同时出现在一份名单中并不罕见，工具无法判断，
只能指出需要核对的地方。`--explain-skipped` 和机器格式（JSON、SARIF）中显示。

## 为什么 (Why)
调任的人在名单中出现两次（任命新职、免去原职）。其中一处错一个字，名单就变成了「一人任新职而原职没有
免去」「另一人被免去从未担任的职务」，任免都落空，而每一条单看都没有错。

## 示例 (Example)
「庞静华为重庆市梁平区人民检察院检察长」与「庞伟华辞去重庆市奉节县人民检察院检察长职务」。

## 应改为 (Use instead)
核对原稿：同一人则统一名字；不是同一人则不必改。
"#,
    check: Check::File(check),
};

/// Names shorter than this differ in one character too often (「张伟」「张炜」).
const SHORTEST: usize = 3;

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // Each person once, in order of first mention, and whether they are moved in, out, or
    // both. The names are held once (the map keeps indices): on a file of an archive's
    // notices this table and the index below were the largest memory of the check.
    let mut at: HashMap<String, usize> = HashMap::default();
    let mut people: Vec<Person> = Vec::new();
    let mut note = |name: String, span: Span, into: bool| {
        let i = *at.entry(name).or_insert_with_key(|name| {
            people.push(Person {
                name: name.clone(),
                span,
                into: false,
                out: false,
            });
            people.len() - 1
        });
        if into {
            people[i].into = true;
        } else {
            people[i].out = true;
        }
    };
    for m in ctx.model.moves() {
        note(m.person_key(), m.person.span, m.direction == Direction::In);
    }
    for m in ctx.model.decision_moves() {
        note(m.person_key(), m.person_span, m.direction == Direction::In);
    }
    drop(at);
    let only = |into: bool| {
        people
            .iter()
            .filter(|p| (p.into, p.out) == (into, !into) && p.name.chars().count() >= SHORTEST)
            .collect::<Vec<_>>()
    };
    let removed = only(false);
    let removed_by_mask = OneApart::index(&removed);
    for appointed in only(true) {
        let Some(other) = removed_by_mask.first(&appointed.name, &removed) else {
            continue;
        };
        let (a, r) = (&appointed.name, &other.name);
        out.push(
            RULE.diagnostic(
                appointed.span,
                format!("「{a}」与「{r}」只差一个字：一人被任命，一人被免职，是否为同一人？"),
                format!("「{a}」 and 「{r}」 differ in one character: one is appointed, the other removed — the same person?"),
            )
            .with_label("任命", "appointed")
            .with_related(other.span, "免职", "removed")
            .with_help(
                "若是同一人（调任），有一处名字印错了，任免都会落空；若是两个人，无需改动",
                "if they are one person (a transfer), one of the names is misprinted and both moves fail; if two people, nothing to change",
            ),
        );
    }
}

/// A person of the file's moves: the first mention, and the directions they are moved in.
struct Person {
    name: String,
    span: Span,
    into: bool,
    out: bool,
}

impl AsRef<str> for &Person {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

/// The names of a list by every way of hiding one of their characters, so that the names one
/// character apart from a given one are found by lookup. Comparing every appointed name with
/// every removed one was quadratic: a file of thousands of moves (an archive concatenated into
/// one document) spent most of its check here.
struct OneApart {
    /// (position hidden, hash of the other characters, index into the list), sorted: one
    /// entry per key and name, where a map of vectors held a vector per key.
    masks: Vec<(usize, u64, usize)>,
}

impl OneApart {
    fn index<S: AsRef<str>>(names: &[S]) -> OneApart {
        let mut masks: Vec<(usize, u64, usize)> = names
            .iter()
            .enumerate()
            .flat_map(|(i, name)| mask_keys(name.as_ref()).map(move |(at, hash)| (at, hash, i)))
            .collect();
        masks.sort_unstable();
        OneApart { masks }
    }

    /// The first name of `names` (the list indexed) one character apart from `name`.
    fn first<'n, S: AsRef<str>>(&self, name: &str, names: &'n [S]) -> Option<&'n S> {
        mask_keys(name)
            // A hash may collide: each candidate is compared in full.
            .filter_map(|(at, hash)| {
                let from = self.masks.partition_point(|&(a, h, _)| (a, h) < (at, hash));
                self.masks[from..]
                    .iter()
                    .take_while(|&&(a, h, _)| (a, h) == (at, hash))
                    .map(|&(.., i)| i)
                    .find(|&i| one_char_apart(name, names[i].as_ref()))
            })
            .min()
            .map(|i| &names[i])
    }
}

/// One key per character of `name`: its position and a hash of the name without it.
fn mask_keys(name: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    use std::hash::{Hash, Hasher};
    (0..name.chars().count()).map(move |hidden| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for (i, c) in name.chars().enumerate() {
            if i != hidden {
                c.hash(&mut hasher);
            }
        }
        (hidden, hasher.finish())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds what comparing every pair finds, on names built to be one apart, equal
    /// but for two characters, of other lengths, and sharing characters at other places.
    #[test]
    fn the_index_agrees_with_comparing_every_pair() {
        let alphabet: Vec<char> = "张王李赵伟华军明".chars().collect();
        let mut next = crate::testing::draws(0x9e37_79b9_7f4a_7c15_u64);
        let mut found = 0;
        for _ in 0..200 {
            let mut name = || -> String {
                let len = 3 + next(2);
                (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
            };
            let removed: Vec<String> = (0..12).map(|_| name()).collect();
            let appointed: Vec<String> = (0..12).map(|_| name()).collect();
            let index = OneApart::index(&removed);
            for a in &appointed {
                let every_pair = removed.iter().find(|r| one_char_apart(a, r));
                assert_eq!(index.first(a, &removed), every_pair, "{a} in {removed:?}");
                found += usize::from(every_pair.is_some());
            }
        }
        // The names are drawn from eight characters so that many are one apart.
        assert!(
            found > 100,
            "only {found} names one apart: the test checks little"
        );
    }
}
