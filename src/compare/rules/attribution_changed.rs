use crate::compare::attributions::AttributionChange;
use crate::compare::{Context, Rule};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// A claim attributed to a named source in the original and to a different named source in the
    /// aligned translation (an error), or to unnamed sources of different kinds from the table
    /// `lang/sources.toml`, neither kind mentioned in the other side's sentences (`laut Ministerium`,
    /// `according to the police`: a warning), when the original's source is not mentioned anywhere in the translation
    /// sentence. A named source the translation no longer names, replaced by an unnamed source of a kind
    /// the original's sentences do not mention (`volgens Rijkswaterstaat`, `according to the police`), is a
    /// warning too: the name's own kind is unknown. Also a translation that credits a person's full name the original never mentions
    /// anywhere (in any spelling close to it), where the original's speaker is not in the translation
    /// sentence: whatever the original's source was, it was not this person. A name credited this way
    /// is reported here only, not again as a changed or added name.
    ///
    /// ## Why it matters
    /// Who said it is part of the claim. "The ministry said" and "the police said" are different
    /// reports; swapping the speaker misattributes a statement.
    ///
    /// ## Example
    /// Original: „Die Lage ist unter Kontrolle“, sagte Innenministerin Berger. Translation: “The
    /// situation is under control,” said police chief Wagner. → the speaker changed.
    ///
    /// ## Known false positives
    /// A source named differently but equivalently (a person by name in one language, by office in the
    /// other): only named sources are compared, and only when both sides name one. A translated
    /// institution name (`UN Refugee Agency` for `UN-Flüchtlingshilfswerk`) is not a person: the
    /// language pack's organisation words keep it out of the second check.
    pub static ATTRIBUTION_CHANGED = {
        code: "TP501",
        name: "attribution-changed",
        severity: Error,
        summary: "a claim is attributed to a different source",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in ctx.attribution_changes(view) {
            if let &AttributionChange::Changed { orig: (o, oa), trans: (t, ta), by_kind } = change {
                // Unnamed sources compared by kind: translators do render `die Behörden` as `police`.
                let severity = if by_kind { Severity::Warning } else { rule.severity };
                let os = oa.source.as_ref().map_or(oa.cue.as_str(), |s| s.text.as_str());
                let ts = ta.source.as_ref().map_or(ta.cue.as_str(), |s| s.text.as_str());
                let message =
                    format!("attribution changed: `{os}` in the original, `{ts}` in the translation");
                let span = ta.source.as_ref().map_or(ta.span.clone(), |s| s.span.clone());
                let tl = ctx.trans_loc(t, Some(span), format!("the original attributes this to `{os}`"));
                let ospan = oa.source.as_ref().map_or(oa.span.clone(), |s| s.span.clone());
                let ol = ctx.orig_loc(o, Some(ospan), "the original's source");
                out.push(ctx.finding_with(rule, severity, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}
