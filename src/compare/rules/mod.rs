//! The rule registry: one file per rule, one static slice sorted by code.
//!
//! Each rule file declares its rule with [`declare_rule!`], whose doc comment is the rule's
//! specification (printed by `provcheck explain CODE`), under fixed headings: `## What it checks`,
//! `## Why it matters`, `## Example`, `## Known false positives`.

/// Declares a rule: the doc comment becomes both the item's rustdoc and the `doc` field.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $severity:ident,
            summary: $summary:literal,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::compare::Rule = $crate::compare::Rule {
            code: $code,
            name: $name,
            severity: $crate::report::Severity::$severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

mod added_sentence;
mod attribution_added;
mod attribution_changed;
mod attribution_dropped;
mod credit_line_changed;
mod date_changed;
mod dropped_sentence;
mod hedge_added;
mod hedge_dropped;
mod name_added;
mod name_changed;
mod name_missing;
mod negation_flipped;
mod number_added;
mod number_changed;
mod number_missing;
mod quote_added;
mod quote_altered;
mod quote_dropped;
mod quote_paraphrased;
mod vagueness_changed;

use super::Rule;

/// Every rule, sorted by code.
pub static RULES: &[&Rule] = &[
    &dropped_sentence::DROPPED_SENTENCE,
    &added_sentence::ADDED_SENTENCE,
    &number_changed::NUMBER_CHANGED,
    &number_missing::NUMBER_MISSING,
    &number_added::NUMBER_ADDED,
    &vagueness_changed::VAGUENESS_CHANGED,
    &date_changed::DATE_CHANGED,
    &name_changed::NAME_CHANGED,
    &name_missing::NAME_MISSING,
    &name_added::NAME_ADDED,
    &quote_dropped::QUOTE_DROPPED,
    &quote_altered::QUOTE_ALTERED,
    &quote_added::QUOTE_ADDED,
    &quote_paraphrased::QUOTE_PARAPHRASED,
    &attribution_changed::ATTRIBUTION_CHANGED,
    &attribution_dropped::ATTRIBUTION_DROPPED,
    &attribution_added::ATTRIBUTION_ADDED,
    &hedge_dropped::HEDGE_DROPPED,
    &hedge_added::HEDGE_ADDED,
    &negation_flipped::NEGATION_FLIPPED,
    &credit_line_changed::CREDIT_LINE_CHANGED,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_sorted_and_unique() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and sorted");
        let names: BTreeSet<_> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(names.len(), RULES.len(), "names must be unique");
    }

    #[test]
    fn codes_and_names_well_formed() {
        for r in RULES {
            assert!(
                r.code.len() == 5
                    && r.code.starts_with("TP")
                    && r.code[2..].bytes().all(|b| b.is_ascii_digit()),
                "{}",
                r.code
            );
            assert!(r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", r.name);
            assert!(!r.summary.ends_with('.'), "{}: summary ends with a period", r.code);
        }
    }

    #[test]
    fn docs_have_fixed_headings() {
        for r in RULES {
            for h in ["## What it checks", "## Why it matters", "## Example", "## Known false positives"] {
                assert!(r.doc.contains(h), "{} lacks `{h}`", r.code);
            }
        }
    }
}
