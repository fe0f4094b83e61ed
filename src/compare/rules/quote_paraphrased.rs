use crate::compare::quotes::{QuoteChange, diff};
use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A direct quotation of three words or more in an original sentence that the translation renders
    /// without quotation marks while keeping about as much text: the quotation became indirect speech
    /// or the reporter's narration.
    ///
    /// ## Why it matters
    /// Indirect speech is the reporter's rendering, not the speaker's words; turning a quotation into
    /// paraphrase weakens the attribution and lets wording drift unnoticed.
    ///
    /// ## Example
    /// Original: „Putin hat die Seiten gewechselt“, sagte Malerius. Translation: Malerius said that Putin
    /// had changed sides. → the quotation became indirect speech.
    ///
    /// ## Known false positives
    /// House styles that avoid quotation marks in headlines or captions.
    pub static QUOTE_PARAPHRASED = {
        code: "TP404",
        name: "quote-paraphrased",
        severity: Warning,
        summary: "a quotation became indirect speech in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in diff(ctx, view) {
            if let QuoteChange::Paraphrased { orig: (o, q) } = change {
                let message = format!(
                    "quotation paraphrased: „{}“ is no longer a quotation in the translation",
                    super::quote_dropped::short(&q.text)
                );
                let tl = ctx.trans_loc(view.bead.translation[0], None, "rendered without quotation marks");
                let ol = ctx.orig_loc(o, Some(q.span.clone()), "a direct quotation");
                out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}
