use crate::compare::quotes::{QuoteChange, diff};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A quotation of three words or more in a translation sentence where the aligned original (and its
    /// neighbours) has no quotation: narration presented as someone's words.
    ///
    /// ## Why it matters
    /// Quotation marks claim that someone said exactly this. Putting them around a paraphrase or the
    /// reporter's own words invents a statement.
    ///
    /// ## Example
    /// Original: Der Minister kündigte an, die Hilfen zu verlängern. Translation: The minister announced:
    /// “We will extend the aid.” → a quotation the original does not have.
    ///
    /// ## Known false positives
    /// Titles of books, films or laws put in quotation marks by the translator.
    pub static QUOTE_ADDED = {
        code: "TP403",
        name: "quote-added",
        severity: Warning,
        summary: "the translation quotes words the original does not quote",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in diff(ctx, view) {
            if let QuoteChange::Added { trans: (t, q) } = change {
                let message = format!(
                    "quotation added: “{}” is not quoted in the original",
                    super::quote_dropped::short(&q.text)
                );
                let tl = ctx.trans_loc(t, Some(q.span.clone()), "not a quotation in the original");
                let ol = ctx.orig_loc(view.bead.original[0], None, "no quotation here");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}
