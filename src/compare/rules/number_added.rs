use crate::compare::numbers::diff;
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A number in a translation sentence that has no counterpart of the same value in the aligned
    /// original sentences (or in the beads just before and after).
    ///
    /// ## Why it matters
    /// An added figure is a fact the original never stated; machine translation sometimes invents
    /// one, and an editor cannot tell it from the real ones.
    ///
    /// ## Example
    /// Original: „Mehrere Menschen wurden verletzt.“ Translation: "Several people, among them two
    /// children, were injured." → `two` is not in the original.
    ///
    /// ## Known false positives
    /// Conversions a translator adds for readers (a sum in dollars after the euro figure, "some 3 miles"
    /// after kilometres), and explicit counts of what the original lists by name.
    pub static NUMBER_ADDED = {
        code: "TP103",
        name: "number-added",
        severity: Warning,
        summary: "the translation has a number the original does not",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for (t, tq) in diff(ctx, view).added {
            let message = format!("number added: `{}` is not in the original", tq.text);
            let tl = ctx.trans_loc(t, Some(tq.span.clone()), "not in the original");
            let ol = ctx.orig_loc(view.bead.original[0], None, format!("no `{}` here", tq.text));
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
