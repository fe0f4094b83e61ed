use crate::compare::common::{marker_in_lost_quote, orig_items, trans_items};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// An original sentence with a hedge or epistemic marker ("offenbar", "angeblich", "mutmaßlich",
    /// "zunächst", "apparently", "reportedly", "initially") aligned with a translation that has none.
    ///
    /// ## Why it matters
    /// A hedge says how certain a claim is. Without it, "apparently holding back" becomes "holding back":
    /// a report turns into a verdict, and an early, unconfirmed state ("initially no confirmation")
    /// turns into a settled one.
    ///
    /// ## Example
    /// Original: „Russland hält sich offenbar zurück.“ Translation: "Russia is holding back." → the hedge
    /// `offenbar` is gone.
    ///
    /// ## Known false positives
    /// Hedges rendered by a construction the language pack does not list ("it seems that", "is said
    /// to"); hence a warning. A translation with a modal the pack lists as a soft hedge (`may have`,
    /// `podría`) is not reported: modals render hedges as often as they render other moods.
    pub static HEDGE_DROPPED = {
        code: "TP601",
        name: "hedge-dropped",
        severity: Warning,
        summary: "a hedged claim is stated with certainty in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        // A hedge inside a quotation the translation lost is reported with the quotation.
        if marker_in_lost_quote(ctx, view.bead, |c| &c.hedges) {
            continue;
        }
        let o = orig_items(ctx, view.bead, |c| &c.hedges);
        let t = trans_items(ctx, view.bead, |c| &c.hedges);
        // A modal that may render the hedge (`may have` for `habría`) is no proof of a loss.
        let soft = !trans_items(ctx, view.bead, |c| &c.soft_hedges).is_empty();
        if let (Some(&(oi, h)), true, false) = (o.first(), t.is_empty(), soft) {
            let message = format!("hedge dropped: the original's `{}` has no counterpart", h.text);
            let tl = ctx.trans_loc(view.bead.translation[0], None, "stated without the hedge");
            let ol = ctx.orig_loc(oi, Some(h.span.clone()), "the original hedges here");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
