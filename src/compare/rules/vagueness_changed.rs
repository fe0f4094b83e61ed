use crate::compare::numbers::diff;
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A precise number rendered by a vague quantity word ("drei" as "several") or a vague quantity
    /// made precise ("mehrere" as "five"). Vague words rendered by vague words ("mehrere" as
    /// "several", "Dutzende" as "dozens") are fine.
    ///
    /// ## Why it matters
    /// Precision is part of the claim. "Three soldiers were killed" and "several soldiers were killed"
    /// are different reports; turning "several" into "five" invents a count the source did not have.
    ///
    /// ## Example
    /// Original: „Mehrere Soldaten wurden getötet.“ Translation: "Five soldiers were killed." →
    /// the vague `Mehrere` became `Five`.
    ///
    /// ## Known false positives
    /// Small numbers a translator paraphrased idiomatically ("a couple of" for "zwei").
    pub static VAGUENESS_CHANGED = {
        code: "TP104",
        name: "vagueness-changed",
        severity: Warning,
        summary: "a precise number became vague, or a vague quantity became precise",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        let d = diff(ctx, view);
        for ((o, oq), (t, tq)) in d.made_vague {
            let message = format!("precise number made vague: `{}` became `{}`", oq.text, tq.text);
            let tl = ctx.trans_loc(t, Some(tq.span.clone()), format!("the original says `{}`", oq.text));
            let ol = ctx.orig_loc(o, Some(oq.span.clone()), "a precise number");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
        for ((o, oq), (t, tq)) in d.made_precise {
            let message = format!("vague quantity made precise: `{}` became `{}`", oq.text, tq.text);
            let tl = ctx.trans_loc(t, Some(tq.span.clone()), format!("the original only says `{}`", oq.text));
            let ol = ctx.orig_loc(o, Some(oq.span.clone()), "a vague quantity");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
