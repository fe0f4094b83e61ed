use crate::compare::{Context, Rule, evidence};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// A translation sentence that the alignment leaves without any counterpart in the original
    /// (a 0:1 bead), or one the aligner joined to its neighbour with little confidence although the
    /// original has none of its claims while it has the neighbour's (a warning).
    ///
    /// ## Why it matters
    /// An added sentence states something the original never said. When it holds a number, a quotation
    /// or an attribution, the translation puts words or facts in someone's mouth.
    ///
    /// ## Example
    /// The translation adds "Officials expect the death toll to rise." with no such sentence in the
    /// original.
    ///
    /// Severity: error when the added sentence holds a number, a quotation or an attribution, warning
    /// otherwise; one step lower when the alignment around it is weak, unless the sentence holds a
    /// number, a date or a name that no nearby original sentence has.
    ///
    /// ## Known false positives
    /// A translator's explanatory sentence for foreign readers (who a person is, where a place lies);
    /// a sentence split so freely that the aligner could not pair its halves.
    pub static ADDED_SENTENCE = {
        code: "TP002",
        name: "added-sentence",
        severity: Warning,
        summary: "a translation sentence has no counterpart in the original",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    // A credit line that replaces the original's is reported by `credit-line-changed`.
    let credit_elsewhere = ctx.original.claims.iter().any(|c| c.credit.is_some());
    for view in ctx.beads() {
        let bead = view.bead;
        if !bead.original.is_empty() {
            // A sentence the aligner joined to its neighbour, though it renders nothing of the original.
            if let Some(t) = evidence::added_in_merge(ctx, view) {
                let claims = ctx.trans_claims(t);
                let message = format!(
                    "translation sentence {} has no counterpart in the original{}",
                    t.0 + 1,
                    super::dropped_sentence::describe(claims)
                );
                let loc = ctx.trans_loc(t, None, "none of this sentence's claims is in the original");
                out.push(ctx.finding_with(rule, Severity::Warning, None, message, Some(loc), None));
            }
            continue;
        }
        let weigh = if evidence::skip_confirmed(ctx, view) { None } else { Some(bead) };
        for &t in &bead.translation {
            let claims = ctx.trans_claims(t);
            if claims.credit.is_some() && credit_elsewhere {
                continue; // the credit line has a rule of its own
            }
            let carries =
                !claims.quantities.is_empty() || !claims.quotes.is_empty() || !claims.attributions.is_empty();
            let severity = if carries { Severity::Error } else { rule.severity };
            let what = if carries { super::dropped_sentence::describe(claims) } else { String::new() };
            let message =
                format!("translation sentence {} has no counterpart in the original{what}", t.0 + 1);
            let loc = ctx.trans_loc(t, None, "not in the original");
            out.push(ctx.finding_with(rule, severity, weigh, message, Some(loc), None));
        }
    }
}
