use crate::claims::AttributionKind;
use crate::compare::attributions::AttributionChange;
use crate::compare::{Context, Rule};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// An original sentence that attributes its claim ("according to the ministry", "sagte sie",
    /// „laut Polizei“) aligned with a translation that has no attribution cue and no quotation: the
    /// reported claim now reads as established fact. Reported speech marked only by the German
    /// Konjunktiv I does not count (English cannot mark it, translators move the cue).
    ///
    /// ## Why it matters
    /// Attribution tells the reader how sure a claim is and who vouches for it. "Three soldiers were
    /// killed, the ministry said" and "Three soldiers were killed" are different statements.
    ///
    /// ## Example
    /// Original: „Nach Angaben des Ministeriums wurden drei Soldaten getötet.“ Translation: "Three
    /// soldiers were killed." → the source is gone.
    ///
    /// Severity: error when an explicit sourcing phrase with its source ("laut Polizei", "according to
    /// the ministry") is lost, and it opens its sentence or a clause or its source is written with a
    /// capital (run into a clause, "according to the constraints" is as often a standard as a source:
    /// a warning); warning when a speech verb is; nothing when the translation still names
    /// the source (a cognate or name variant of it), renders the cue as a report hedge ("reportedly"), or
    /// the attribution moved into a neighbouring sentence. Verb attributions in headlines are ignored.
    /// Where the translation kept some of the sentence's attributions but has fewer distinct sources
    /// than the original, the one whose source is gone is reported as a warning.
    ///
    /// ## Known false positives
    /// An attribution that the translation moved two or more sentences away; attribution verbs missing
    /// from the translation language's pack.
    pub static ATTRIBUTION_DROPPED = {
        code: "TP502",
        name: "attribution-dropped",
        severity: Error,
        summary: "a reported claim is stated as fact in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in ctx.attribution_changes(view) {
            if let &AttributionChange::Dropped { orig: (o, oa), partial } = change {
                // "laut", "zufolge", "according to" with a named source are explicit sourcing: an error
                // when lost. A speech verb may be rendered by a construction the pack does not list,
                // and a bead that kept other attributions may carry this one in them.
                let explicit = oa.kind == AttributionKind::Phrase
                    && oa.source.is_some()
                    && !partial
                    && (opens_clause(&ctx.original.sentences[o.0].text, oa.span.start) || named(oa));
                let severity = if explicit { rule.severity } else { Severity::Warning };
                let who = oa.source.as_ref().map_or(String::new(), |s| format!(" to `{}`", s.text));
                let message =
                    format!("attribution dropped: the original attributes this{who} (`{}`)", oa.cue);
                let t = ctx.trans_at(view.bead, o, oa.span.start);
                let tl = ctx.trans_loc(t, None, "stated as fact");
                let ol = ctx.orig_loc(o, Some(oa.span.clone()), "the original's attribution");
                out.push(ctx.finding_with(rule, severity, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}

/// Whether the cue at `start` opens its sentence or a clause (after a comma, a colon, a dash, a
/// parenthesis or a quotation mark): `According to the ministry, …`, `…, according to the police.`
/// Run into a clause (`configure it according to the constraints`), a sourcing phrase is as often
/// a standard (in accordance with) as a source.
fn opens_clause(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with([',', ';', ':', '(', '–', '—', '-', '"', '«', '“', '„', '»'])
}

/// Whether the attribution's source is written with a capital, a name or, in German, any noun
/// (`laut Polizei` runs into the clause).
fn named(a: &crate::claims::Attribution) -> bool {
    a.source
        .as_ref()
        .is_some_and(|s| s.text.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase)))
}
