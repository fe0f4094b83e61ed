use crate::compare::quotes::{QuoteChange, diff};
use crate::compare::{Context, Rule};
use crate::report::{Finding, Severity};

/// Quotations of this many words or more are full statements: losing one is an error.
const FULL_QUOTE_WORDS: usize = 6;

declare_rule! {
    /// ## What it checks
    /// A direct quotation of three words or more in an original sentence that the aligned translation
    /// (and its neighbours) neither quotes nor renders: the sentence survives, but the quoted words are
    /// gone. When the translation keeps the content as indirect speech, `quote-paraphrased` reports it
    /// instead.
    ///
    /// ## Why it matters
    /// A quotation is the strongest form of attribution: it records what someone said in their own
    /// words. Dropping it removes the evidence the article rests on.
    ///
    /// ## Example
    /// Original: „Wir haben keine Hinweise auf Brandstiftung“, sagte ein Sprecher. Translation: "A
    /// spokesman commented." → the quotation is gone.
    ///
    /// Severity: error for a quotation of six words or more, warning for a shorter fragment or a gloss
    /// (a quotation that opens a parenthesis or stands next to an acronym: `ASCII („American Standard
    /// Code …“)`).
    ///
    /// ## Known false positives
    /// Short scare quotes (one or two words) and quoted names or titles are ignored. A quotation moved more than one sentence away
    /// is reported.
    pub static QUOTE_DROPPED = {
        code: "TP401",
        name: "quote-dropped",
        severity: Error,
        summary: "a quotation of the original is missing from the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for change in diff(ctx, view) {
            if let QuoteChange::Dropped { orig: (o, q) } = change {
                let message = format!("quotation dropped: „{}“ is not in the translation", short(&q.text));
                let tl = ctx.trans_loc(view.bead.translation[0], None, "the quotation is missing here");
                let ol = ctx.orig_loc(o, Some(q.span.clone()), "this quotation has no counterpart");
                // Short quoted fragments are often woven into the translation's narration.
                // So are glosses (`(„patient archiving and communication“)`): losing one loses a term's
                // other-language form, which a translation back into that language may rightly leave out.
                let severity =
                    if q.words >= FULL_QUOTE_WORDS && !q.gloss { rule.severity } else { Severity::Warning };
                out.push(ctx.finding_with(rule, severity, Some(view.bead), message, Some(tl), Some(ol)));
            }
        }
    }
}

/// A quotation shortened for a message: the first eight words.
pub(crate) fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 { words.join(" ") } else { format!("{} …", words[..8].join(" ")) }
}
