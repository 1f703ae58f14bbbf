//! The hash maps and sets of the model and the rules: keyed by names and posts, filled once
//! per file and run, never by an adversary, so they hash with foldhash (already in the tree
//! through hashbrown) instead of std's SipHash, which was a twentieth of a check (hashing,
//! growing and probing the tables of the moves, the run's changes and the entries).

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
