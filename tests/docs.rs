//! The README's rules table is generated from the rule registry; this test regenerates it and fails
//! when the README differs, so the table never drifts. `UPDATE_README=1 cargo test --test docs` rewrites
//! the section between the markers.

use std::path::Path;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

/// The table, one row per rule in registry order.
fn table() -> String {
    let mut out = String::from("| code | name | default | what it reports |\n|---|---|---|---|\n");
    for r in provcheck::compare::RULES {
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} |\n",
            r.code,
            r.name,
            r.severity,
            r.summary.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn readme_rules_table_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("README lacks <!-- rules:start -->") + START.len();
    let end = start + readme[start..].find(END).expect("README lacks <!-- rules:end -->");
    let expected = table();
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).expect("write README.md");
            return;
        }
        panic!(
            "the README's rules table differs from the registry; run `UPDATE_README=1 cargo test --test docs`\n\
             expected:\n{expected}"
        );
    }
}

#[test]
fn readme_names_every_format_and_config_key() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    for format in ["full", "concise", "json", "sarif", "github", "markdown", "html"] {
        assert!(readme.contains(&format!("| `{format}`")), "README's format table lacks `{format}`");
    }
    for key in [
        "original-lang",
        "translation-lang",
        "select",
        "ignore",
        "fail-on",
        "severity",
        "align",
        "per-path",
        "skip-cost",
        "merge-cost",
        "cognate-threshold",
        "dictionary",
        "paths",
    ] {
        assert!(readme.contains(&format!("`{key}`")), "README's configuration reference lacks `{key}`");
    }
}

#[test]
fn readme_configuration_example_is_valid() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let section = &readme[readme.find("<!-- report:config -->").expect("config section")..];
    let start = section.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").expect("closing fence")];
    let config = provcheck::config::Config::parse(example, Path::new("README.md"), "/news".into());
    let config = config.unwrap_or_else(|e| panic!("the README's example does not parse: {e}"));
    let settings = config.settings_for(Path::new("/news/sport/a.en.md"));
    assert_eq!(settings.matched, [1]);
    assert!(settings.ignore.iter().any(|k| k == "name-added"));
}
