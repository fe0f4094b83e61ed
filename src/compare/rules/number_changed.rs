use crate::compare::numbers::diff;
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A number in an original sentence whose value differs from the number in the same place of the
    /// aligned translation: digits compared by value across locale conventions (`1.200,5` = `1,200.5`),
    /// number words by value (`drei` = `three`, `dreieinhalb Millionen` = `3.5 million`), percentages,
    /// amounts of money and ordinals.
    ///
    /// ## Why it matters
    /// A changed figure is a false statement of fact that no reader of the translation can detect.
    ///
    /// ## Example
    /// Original: „Die Feuerwehr war mit rund 200 Fahrzeugen im Einsatz.“ Translation: "The fire brigade
    /// deployed around 300 vehicles." → `200` became `300`.
    ///
    /// Before reporting, the rule looks one bead to each side, so a number moved into a neighbouring
    /// sentence is not reported as changed.
    ///
    /// ## Known false positives
    /// Unit conversions (miles to kilometres, Fahrenheit to Celsius) and rounding done on purpose
    /// ("knapp 2000" as "almost 2,000" is fine, "1.987" as "almost 2,000" is reported).
    pub static NUMBER_CHANGED = {
        code: "TP101",
        name: "number-changed",
        severity: Error,
        summary: "a number has a different value in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for ((o, oq), (t, tq)) in diff(ctx, view).changed {
            let message =
                format!("number changed: `{}` in the original, `{}` in the translation", oq.text, tq.text);
            let tl = ctx.trans_loc(t, Some(tq.span.clone()), format!("the original says `{}`", oq.text));
            let ol = ctx.orig_loc(o, Some(oq.span.clone()), "the original's number");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
