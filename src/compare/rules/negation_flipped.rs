use crate::compare::common::{marker_in_lost_quote, orig_items, trans_items};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// Explicit negation ("nicht", "kein", "nie", "niemand", "not", "no", "never", "nobody") present on
    /// one side of a bead and absent on the other. Words that contain a negation without negating the
    /// claim ("unable", "failed to", "nicht nur … sondern auch") are listed per language and ignored.
    ///
    /// ## Why it matters
    /// A lost or added "not" reverses the claim: "no independent confirmation" becomes "independent
    /// confirmation".
    ///
    /// ## Example
    /// Original: „Es gab zunächst keine unabhängige Bestätigung.“ Translation: "There was initially
    /// independent confirmation." → the negation `keine` is gone.
    ///
    /// A negation on one side and a lexical negation on the other ("unklar", "unable", "ohne",
    /// "unofficial" for "non ufficiale") count as the same claim, one for one: when the other side has
    /// fewer soft negations than this side has negations and soft negations, one was lost.
    ///
    /// ## Known false positives
    /// Negation expressed by an antonym the language pack does not list on one side ("unklar" for "not clear", "failed" for
    /// "did not succeed") and double negatives; hence a warning.
    pub static NEGATION_FLIPPED = {
        code: "TP701",
        name: "negation-flipped",
        severity: Warning,
        summary: "a negation is present on one side only",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        // A negation inside a quotation the translation lost is reported with the quotation.
        if marker_in_lost_quote(ctx, view.bead, |c| &c.negations) {
            continue;
        }
        let o_all = orig_items(ctx, view.bead, |c| &c.negations);
        let t = trans_items(ctx, view.bead, |c| &c.negations);
        // So is one in a clause of a quotation that the translation cut away; it still answers a negation
        // of the translation.
        let cut = crate::compare::quotes::negations_cut(ctx, view);
        let o: Vec<_> =
            o_all.iter().copied().filter(|(i, n)| !cut.iter().any(|(q, s)| q == i && *s == n.span)).collect();
        // A negation rendered lexically on the other side ("nicht klar" as "unclear", "could not" as
        // "was unable to", "non ufficiale" as "unofficial") is no flip, when the other side has a soft
        // negation for each negation and soft negation of this side: "non è libero e non ufficiale" has
        // lost a negation in "is free and unofficial".
        let soft_o = orig_items(ctx, view.bead, |c| &c.soft_negations).len();
        let soft_t = trans_items(ctx, view.bead, |c| &c.soft_negations).len();
        match (o.first(), t.first()) {
            (Some(_), None) if soft_t >= o.len() + soft_o => {}
            (None, Some(_)) if soft_o >= t.len() + soft_t || !o_all.is_empty() => {}
            (Some(&(oi, n)), None) => {
                let message = format!("negation dropped: the original's `{}` has no counterpart", n.text);
                let tl = ctx.trans_loc(view.bead.translation[0], None, "no negation here");
                let ol = ctx.orig_loc(oi, Some(n.span.clone()), "the original negates");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
            (None, Some(&(ti, n))) => {
                let message = format!("negation added: `{}` has no counterpart in the original", n.text);
                let tl = ctx.trans_loc(ti, Some(n.span.clone()), "not negated in the original");
                let ol = ctx.orig_loc(view.bead.original[0], None, "no negation here");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
            _ => {}
        }
    }
}
