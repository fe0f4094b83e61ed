use crate::compare::attributions::AttributionChange;
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A translation sentence that attributes its claim to a source ("police said", "according to the
    /// ministry") aligned with an original that states the claim without any attribution or quotation.
    ///
    /// ## Why it matters
    /// An invented source lends a claim authority it did not have, or shifts responsibility for it.
    ///
    /// ## Example
    /// Original: „Die Straße bleibt bis Freitag gesperrt.“ Translation: "The road will remain closed
    /// until Friday, police said." → the original names no source.
    ///
    /// ## Known false positives
    /// Translators who repeat an attribution from the previous sentence for clarity.
    pub static ATTRIBUTION_ADDED = {
        code: "TP503",
        name: "attribution-added",
        severity: Warning,
        summary: "the translation attributes a claim the original states without a source",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in ctx.attribution_changes(view) {
            if let &AttributionChange::Added { trans: (t, ta) } = change {
                let who = ta.source.as_ref().map_or(String::new(), |s| format!(" to `{}`", s.text));
                let message = format!(
                    "attribution added: the translation attributes this{who}; the original names no source"
                );
                let tl = ctx.trans_loc(t, Some(ta.span.clone()), "not attributed in the original");
                let ol = ctx.orig_loc(view.bead.original[0], None, "no attribution here");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}
