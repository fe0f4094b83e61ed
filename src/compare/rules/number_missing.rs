use crate::compare::numbers::diff;
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A number in an original sentence that has no counterpart of the same value anywhere in the
    /// aligned translation sentences (or in the beads just before and after), while the sentence
    /// itself was translated.
    ///
    /// ## Why it matters
    /// A dropped figure silently removes a fact: "200 vehicles" becomes "vehicles".
    ///
    /// ## Example
    /// Original: „Bei dem Brand wurden 14 Menschen verletzt, drei davon schwer.“ Translation:
    /// "Fourteen people were injured in the fire." → `drei` is missing.
    ///
    /// ## Known false positives
    /// Numbers the translator expressed another way ("zwei Drittel" as "most"), numbers written as words
    /// in a form the language pack does not know, and redundant figures a translator removed on
    /// purpose. Hence a warning, not an error.
    pub static NUMBER_MISSING = {
        code: "TP102",
        name: "number-missing",
        severity: Warning,
        summary: "a number of the original is missing from the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for (o, oq) in diff(ctx, view).missing {
            let message = format!("number missing: the original's `{}` is not in the translation", oq.text);
            let t = view.bead.translation[0];
            let tl = ctx.trans_loc(t, None, format!("no `{}` here", oq.text));
            let ol = ctx.orig_loc(o, Some(oq.span.clone()), "this number has no counterpart");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
