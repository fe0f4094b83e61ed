//! The `json` format: the [`Report`] serialised as one JSON document (schema: `docs/json-format.md`).

use std::io::{self, Write};

use crate::report::Report;

/// Writes the report as pretty JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    writeln!(out)
}

/// The report as a single-line JSON value with an `id` field first (for batch output).
pub fn to_value_with_id(report: &Report, id: &serde_json::Value) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    map.insert("id".to_owned(), id.clone());
    if let Ok(serde_json::Value::Object(rest)) = serde_json::to_value(report) {
        map.extend(rest);
    }
    serde_json::Value::Object(map)
}
