use crate::claims::{Attribution, HedgeKind, hedge_kind};
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
    /// to"); hence a warning. A translation with a soft hedge of the hedge's kind (`may have`, `podría`
    /// for an epistemic or report hedge; `for the moment` for `vorerst`) is not reported: modals render
    /// hedges as often as they render other moods. Nor is a hedge the pack lists in `attributed_hedges` (`soll … haben`) when both
    /// sentences name the claim's source: the attribution keeps the claim reported.
    pub static HEDGE_DROPPED = {
        code: "TP601",
        name: "hedge-dropped",
        severity: Warning,
        summary: "a hedged claim is stated with certainty in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    let (ol, tl) = (ctx.original.language, ctx.translation.language);
    for view in ctx.paired_beads() {
        // A hedge inside a quotation the translation lost is reported with the quotation.
        if marker_in_lost_quote(ctx, view.bead, |c| &c.hedges) {
            continue;
        }
        if !trans_items(ctx, view.bead, |c| &c.hedges).is_empty() {
            continue;
        }
        // A modal or phrase that may render a hedge of its kind (`may have` for `habría`, `for the
        // moment` for `vorerst`) is no proof of a loss.
        let soft: Vec<HedgeKind> = trans_items(ctx, view.bead, |c| &c.soft_hedges)
            .iter()
            .map(|(_, h)| hedge_kind(tl, &h.text))
            .collect();
        let sourced = |a: &[Attribution]| a.iter().any(|a| a.source.is_some());
        let trans_sourced = view.bead.translation.iter().any(|&t| sourced(&ctx.trans_claims(t).attributions));
        let lost = orig_items(ctx, view.bead, |c| &c.hedges).into_iter().find(|&(oi, h)| {
            let kind = hedge_kind(ol, &h.text);
            // A reported claim whose source both sides name stays reported without its hedge
            // (`Dem FSB zufolge sollen … haben` ↔ `According to the FSB, … have`).
            let kept_source =
                kind == HedgeKind::Attributed && trans_sourced && sourced(&ctx.orig_claims(oi).attributions);
            !kept_source && !soft.iter().any(|s| s.excuses(kind))
        });
        if let Some((oi, h)) = lost {
            let message = format!("hedge dropped: the original's `{}` has no counterpart", h.text);
            let tl = ctx.trans_loc(view.bead.translation[0], None, "stated without the hedge");
            let ol = ctx.orig_loc(oi, Some(h.span.clone()), "the original hedges here");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
