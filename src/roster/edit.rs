//! Writing a rolled-forward roster back into the user's own file: the TOML document is edited
//! in place (toml_edit), so comments, layout, key order, CRLF line endings and a BOM survive
//! and only the values that changed change.

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{name_key, parse_congress_name, post_key, CongressRecord, Office, Roster};

/// `text` (the roster file as read, BOM included) with the changes from `before` to `after`.
pub fn edit_in_place(text: &str, before: &Roster, after: &Roster) -> Result<String, String> {
    let (bom, body) = match text.strip_prefix('\u{FEFF}') {
        Some(body) => ("\u{FEFF}", body),
        None => ("", text),
    };
    let crlf = body.contains("\r\n");
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;

    let mut matched = vec![false; after.congresses.len()];
    if let Some(tables) = doc
        .get_mut("congress")
        .and_then(Item::as_array_of_tables_mut)
    {
        for table in tables.iter_mut() {
            let Some((body, term)) = table
                .get("name")
                .and_then(Item::as_str)
                .and_then(parse_congress_name)
            else {
                continue;
            };
            let Some(i) = after
                .congresses
                .iter()
                .position(|c| c.body == body && c.term == term)
            else {
                continue;
            };
            matched[i] = true;
            let old = before
                .congresses
                .iter()
                .find(|c| c.body == body && c.term == term);
            update_congress(table, old, &after.congresses[i]);
        }
    }
    for (c, _) in after.congresses.iter().zip(&matched).filter(|(_, m)| !**m) {
        array_of_tables(&mut doc, "congress").push(new_congress(c));
    }

    if let Some(tables) = doc.get_mut("office").and_then(Item::as_array_of_tables_mut) {
        tables.retain(|t| match office_of(t) {
            Some(o) => after.offices.contains(&o),
            // What this tool cannot read it leaves alone (the loader would have refused it).
            None => true,
        });
    }
    for o in after.offices.iter().filter(|o| !before.offices.contains(o)) {
        let mut t = Table::new();
        t.insert("post", value(o.post.as_str()));
        t.insert("holder", value(o.holder.as_str()));
        if o.acting {
            t.insert("acting", value(true));
        }
        array_of_tables(&mut doc, "office").push(t);
    }

    let mut out = doc.to_string();
    if crlf {
        // New lines written by toml_edit end in LF; a CRLF file stays CRLF throughout.
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    Ok(format!("{bom}{out}"))
}

fn array_of_tables<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut ArrayOfTables {
    let item = doc
        .as_table_mut()
        .entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    if !item.is_array_of_tables() {
        *item = Item::ArrayOfTables(ArrayOfTables::new());
    }
    item.as_array_of_tables_mut()
        .expect("made an array of tables above")
}

fn office_of(t: &Table) -> Option<Office> {
    let post = post_key(t.get("post")?.as_str()?)?;
    let holder = name_key(t.get("holder")?.as_str()?);
    let acting = t.get("acting").and_then(Item::as_bool).unwrap_or(false);
    Some(Office {
        post,
        holder,
        acting,
    })
}

fn set_number(table: &mut Table, key: &str, old: Option<u32>, new: Option<u32>) {
    if old == new && table.contains_key(key) == new.is_some() {
        return;
    }
    match new {
        Some(n) => match table.get_mut(key).and_then(Item::as_value_mut) {
            // Keeps the comment after the value.
            Some(v) => {
                let decor = v.decor().clone();
                *v = Value::from(i64::from(n));
                *v.decor_mut() = decor;
            }
            None => {
                table.insert(key, value(i64::from(n)));
            }
        },
        None => {
            table.remove(key);
        }
    }
}

fn update_congress(table: &mut Table, old: Option<&CongressRecord>, new: &CongressRecord) {
    set_number(table, "seated", old.and_then(|c| c.seated), new.seated);
    set_number(
        table,
        "last_notice",
        old.and_then(|c| c.last_notice),
        new.last_notice,
    );
    let listed: Vec<String> = table
        .get("deputies")
        .and_then(Item::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(name_key).collect())
        .unwrap_or_default();
    if listed == new.deputies {
        return;
    }
    if table.get("deputies").and_then(Item::as_array).is_none() {
        table.insert("deputies", value(Array::new()));
    }
    let Some(array) = table.get_mut("deputies").and_then(Item::as_array_mut) else {
        return;
    };
    // Removed from the back, so indices stay valid; a removed name that began a line hands
    // its line break to the name after it, so one name per line or a few per line stays so.
    for i in (0..array.len()).rev() {
        let keep = array
            .get(i)
            .and_then(Value::as_str)
            .is_none_or(|s| new.deputies.contains(&name_key(s)));
        if keep {
            continue;
        }
        let removed = array.remove(i);
        let prefix = removed
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("");
        if prefix.contains('\n') {
            if let Some(next) = array.get_mut(i) {
                let next_prefix = next.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
                if !next_prefix.contains('\n') {
                    next.decor_mut().set_prefix(prefix.to_string());
                }
            }
        }
    }
    let kept: Vec<String> = array
        .iter()
        .filter_map(Value::as_str)
        .map(name_key)
        .collect();
    // A new name takes the layout of the last one (one per line stays one per line).
    let prefix = array
        .iter()
        .last()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .map(str::to_string);
    for d in new.deputies.iter().filter(|d| !kept.contains(d)) {
        let mut v = Value::from(d.as_str());
        let empty = array.is_empty();
        v.decor_mut().set_prefix(match &prefix {
            Some(p) => p.clone(),
            None if empty => String::new(),
            None => " ".to_string(),
        });
        v.decor_mut().set_suffix("");
        array.push_formatted(v);
    }
}

fn new_congress(c: &CongressRecord) -> Table {
    let mut t = Table::new();
    t.insert("name", value(c.name.as_str()));
    if let Some(n) = c.seated {
        t.insert("seated", value(i64::from(n)));
    }
    if let Some(n) = c.last_notice {
        t.insert("last_notice", value(i64::from(n)));
    }
    if !c.deputies.is_empty() {
        let mut a = Array::new();
        for d in &c.deputies {
            a.push(d.as_str());
        }
        t.insert("deputies", value(a));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_name_hands_its_line_break_on() {
        let text = "[[congress]]\nname = \"重庆市第六届人民代表大会\"\nseated = 4\ndeputies = [\n    \"陈立新\", \"王海燕\",\n    \"赵明辉\", \"黄志刚\",\n]\n";
        let before = Roster::from_toml("r", text).unwrap();
        let mut after = before.clone();
        after.congresses[0].deputies.retain(|d| d != "赵明辉");
        after.congresses[0].seated = Some(3);
        let out = edit_in_place(text, &before, &after).unwrap();
        assert_eq!(
            out,
            "[[congress]]\nname = \"重庆市第六届人民代表大会\"\nseated = 3\ndeputies = [\n    \"陈立新\", \"王海燕\",\n    \"黄志刚\",\n]\n"
        );
    }
}
