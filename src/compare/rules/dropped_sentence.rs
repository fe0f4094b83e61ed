use crate::compare::{Context, Rule, evidence};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// An original sentence that the alignment leaves without any counterpart in the translation
    /// (a 1:0 bead), or one the aligner joined to its neighbour with little confidence although the
    /// translation has none of its claims (numbers, dates, names, negations, attributions) while it
    /// renders the neighbour's (a warning).
    ///
    /// ## Why it matters
    /// A dropped sentence is the largest omission a translation can make. When it carried a number, a
    /// quotation or an attribution, readers of the translation lose a fact or its source.
    ///
    /// ## Example
    /// The original says "Verletzt wurde niemand." and the translation goes straight on to the next
    /// sentence: the fact that nobody was hurt is gone.
    ///
    /// Severity: error when the dropped sentence holds a number, a quotation or an attribution, warning
    /// otherwise; one step lower when the alignment around it is weak, unless the sentence holds a
    /// number, a date or a name that no nearby translation sentence has.
    ///
    /// ## Known false positives
    /// Sentences merged into a neighbour so loosely that the aligner could not see it; short headings and
    /// captions a publisher removed on purpose.
    pub static DROPPED_SENTENCE = {
        code: "TP001",
        name: "dropped-sentence",
        severity: Warning,
        summary: "an original sentence has no counterpart in the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.beads() {
        let bead = view.bead;
        if !bead.translation.is_empty() {
            // A sentence the aligner joined to its neighbour, though the translation renders none of it.
            if let Some(o) = evidence::dropped_in_merge(ctx, view) {
                let claims = ctx.orig_claims(o);
                let message =
                    format!("the translation drops original sentence {}{}", o.0 + 1, describe(claims));
                let label = "nothing here renders the original sentence";
                let gap = if bead.original.first() == Some(&o) {
                    ctx.trans_gap(view.index, label)
                } else {
                    bead.translation.last().map(|&t| {
                        let len = ctx.translation.sentences[t.0].text.len();
                        ctx.trans_loc(t, Some(len..len), label)
                    })
                };
                let orig = ctx.orig_loc(o, None, "none of this sentence's claims is in the translation");
                out.push(ctx.finding_with(rule, Severity::Warning, None, message, gap, Some(orig)));
            }
            continue;
        }
        // A skip the aligner was unsure of stands when the sentence carries a claim no nearby
        // translation sentence has.
        let weigh = if evidence::skip_confirmed(ctx, view) { None } else { Some(bead) };
        for &o in &bead.original {
            let claims = ctx.orig_claims(o);
            if claims.credit.is_some() {
                continue; // a dropped credit line is reported by `credit-line-changed`
            }
            let carries =
                !claims.quantities.is_empty() || !claims.quotes.is_empty() || !claims.attributions.is_empty();
            let severity = if carries { Severity::Error } else { rule.severity };
            let what = if carries { describe(claims) } else { String::new() };
            let message = format!("the translation drops original sentence {}{what}", o.0 + 1);
            let gap = ctx.trans_gap(view.index, "nothing here renders the original sentence");
            let orig = ctx.orig_loc(o, None, "this sentence is missing from the translation");
            out.push(ctx.finding_with(rule, severity, weigh, message, gap, Some(orig)));
        }
    }
}

/// " (with a number and a quotation)" etc.
pub(crate) fn describe(claims: &crate::claims::SentenceClaims) -> String {
    let mut parts = Vec::new();
    if !claims.quantities.is_empty() {
        parts.push("a number");
    }
    if !claims.quotes.is_empty() {
        parts.push("a quotation");
    }
    if !claims.attributions.is_empty() {
        parts.push("an attribution");
    }
    match parts.len() {
        0 => String::new(),
        1 => format!(" with {}", parts[0]),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!(" with {} and {last}", parts.join(", "))
        }
    }
}
