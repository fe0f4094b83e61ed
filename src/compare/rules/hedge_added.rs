use crate::compare::common::{orig_items, trans_items};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A translation sentence with a hedge ("apparently", "reportedly", "allegedly", "offenbar") aligned
    /// with an original that has none.
    ///
    /// ## Why it matters
    /// An added hedge casts doubt the original did not express: "the minister resigned" is not
    /// "the minister reportedly resigned".
    ///
    /// ## Example
    /// Original: „Der Minister trat am Montag zurück.“ Translation: "The minister reportedly resigned on
    /// Monday." → `reportedly` is not in the original.
    ///
    /// ## Known false positives
    /// A hedge that renders German Konjunktiv I reported speech ("er habe" → "he reportedly had") is not
    /// reported, nor a report hedge ("reportedly") where the original attributes the claim (`einem
    /// Bericht zufolge`), nor a hedge facing a modal or phrase the pack lists as a soft hedge
    /// (`may have`, `gilt als`).
    pub static HEDGE_ADDED = {
        code: "TP602",
        name: "hedge-added",
        severity: Warning,
        summary: "the translation hedges a claim the original states plainly",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        let o = orig_items(ctx, view.bead, |c| &c.hedges);
        let t = trans_items(ctx, view.bead, |c| &c.hedges);
        let attributions = |kind: Option<crate::claims::AttributionKind>| {
            view.bead
                .original
                .iter()
                .any(|&i| ctx.orig_claims(i).attributions.iter().any(|a| kind.is_none_or(|k| a.kind == k)))
        };
        // Konjunktiv I reported speech rendered by a hedge; or a report hedge (`reportedly`) rendering an
        // attribution the original makes (`einem Bericht zufolge`, `hieß es`).
        let report = t.first().is_some_and(|&(_, h)| {
            matches!(
                crate::claims::hedge_kind(ctx.translation.language, &h.text),
                crate::claims::HedgeKind::Report | crate::claims::HedgeKind::Attributed
            )
        });
        let reported = attributions(Some(crate::claims::AttributionKind::ReportedSpeech))
            || (report && attributions(None));
        // A modal of the original that the translation renders by a hedge (`may have` as `aurait`).
        let soft = !orig_items(ctx, view.bead, |c| &c.soft_hedges).is_empty();
        if let (Some(&(ti, h)), true, false, false) = (t.first(), o.is_empty(), reported, soft) {
            let message = format!("hedge added: `{}` is not in the original", h.text);
            let tl = ctx.trans_loc(ti, Some(h.span.clone()), "not hedged in the original");
            let ol = ctx.orig_loc(view.bead.original[0], None, "stated plainly");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
