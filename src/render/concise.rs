//! The concise format: one line per finding, `path:line:col: CODE message`, columns in
//! characters (what editors' quickfix lists and grep-minded people read).

use crate::diagnostic::Lang;
use crate::report::FileReport;

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    let mut out = String::new();
    for r in reports {
        for d in r.findings() {
            let p = r.position(d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {} {}\n",
                super::human::visible(&r.path, false),
                p.line,
                p.column,
                d.code,
                super::human::visible(d.message.get(lang), false)
            ));
        }
    }
    out
}
