//! The article-number table of the laws notices cite (`laws.toml`), by version and date.

use std::sync::OnceLock;

pub use super::tables::{Law, LawTable, Topic, Version};

impl Version {
    fn start_date(&self) -> (u32, u32, u32) {
        let mut parts = self.from.split('-').map(|p| p.parse().unwrap_or(0));
        (
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
        )
    }
}

impl Law {
    /// The version in force on a date, if the table reaches back that far.
    pub fn in_force(&self, date: (u32, u32, u32)) -> Option<&Version> {
        self.version.iter().rev().find(|v| v.start_date() <= date)
    }
}

impl LawTable {
    /// The law a printed name refers to: 「《中华人民共和国…组织法》」 or 「地方组织法」.
    pub fn law(&self, printed: &str) -> Option<&Law> {
        let name = printed.trim_start_matches('《').trim_end_matches('》');
        self.law.iter().find(|l| l.names.iter().any(|n| n == name))
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic.iter().find(|t| t.id == id)
    }
}

/// The embedded table, read from laws.toml at build time (build.rs): a malformed table fails
/// the build, so there is nothing to fail at run time.
pub fn table() -> &'static LawTable {
    static TABLE: OnceLock<LawTable> = OnceLock::new();
    TABLE.get_or_init(crate::domain::embedded::law_table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_is_what_laws_toml_reads() {
        let parsed: LawTable = toml::from_str(include_str!("laws.toml")).unwrap();
        assert_eq!(*table(), parsed);
    }

    #[test]
    fn the_embedded_table_reads_and_is_consistent() {
        let t = table();
        for law in &t.law {
            for v in &law.version {
                for topic in v.articles.keys() {
                    assert!(
                        t.topic(topic).is_some(),
                        "{} {}: unknown topic {topic}",
                        law.id,
                        v.label
                    );
                }
            }
            let dates: Vec<_> = law.version.iter().map(|v| v.start_date()).collect();
            assert!(
                dates.windows(2).all(|w| w[0] < w[1]),
                "{}: versions in date order",
                law.id
            );
        }
        let organic = t
            .law("《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》")
            .unwrap();
        assert_eq!(
            organic.in_force((2024, 11, 28)).unwrap().articles["resignation"],
            32
        );
        assert_eq!(
            organic.in_force((2020, 1, 1)).unwrap().articles["resignation"],
            27
        );
        assert!(organic.in_force((2000, 1, 1)).is_none());
    }
}
