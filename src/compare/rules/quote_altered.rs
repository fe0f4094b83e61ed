use crate::compare::quotes::{QuoteChange, diff};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A quotation present on both sides whose length differs far beyond what the language pair
    /// explains: the translation quotes half of what was said (less than 60 % for a quotation of 12
    /// words or more), or twice as much. The expected length ratio is measured on the document pair
    /// itself. A quotation of six words or more cut to a stub of one or two (`«Было страшно»`) counts as
    /// shortened too, and so does a quotation cut by a sixth or more that lost the negation it quoted
    /// (`…, but nobody panicked`). Numbers, dates, names and negations in a shortened quotation are
    /// reported with it.
    ///
    /// ## Why it matters
    /// Quotation marks promise the speaker's words. A truncated or padded quotation puts a different
    /// statement in the speaker's mouth.
    ///
    /// ## Example
    /// Original: „Wir werden die Hilfen verlängern, aber nur für Betriebe mit weniger als 50
    /// Beschäftigten“, sagte sie. Translation: “We will extend the aid,” she said. → the condition is gone.
    ///
    /// ## Known false positives
    /// Very idiomatic renderings of short quotations; quotations under four words are not compared.
    pub static QUOTE_ALTERED = {
        code: "TP402",
        name: "quote-altered",
        severity: Warning,
        summary: "a quotation is much shorter or longer in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in diff(ctx, view) {
            if let QuoteChange::Altered { orig: (o, oq), trans: (t, tq) } = change {
                let how = if tq.words < oq.words { "shortened" } else { "lengthened" };
                let message = format!(
                    "quotation {how}: {} words in the original, {} in the translation",
                    oq.words, tq.words
                );
                let tl = ctx.trans_loc(t, Some(tq.span.clone()), format!("{how} quotation"));
                let ol = ctx.orig_loc(o, Some(oq.span.clone()), "the original quotation");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}
