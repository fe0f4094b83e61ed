use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A name in a translation sentence that appears nowhere in the original. Only trusted names take
    /// part (names table, persons, a German place after `bei` or `Richtung` that no word list knows
    /// when a dictionary is installed). A name the original gives in another sentence is a reference the
    /// translator resolved ("the force" as "the Civil Guard"), not reported here, unless it is the
    /// source of a claim ("…, Sky News said"); a name put in the place of another one is `name-changed`.
    ///
    /// ## Why it matters
    /// An added name puts someone or somewhere into the story that the original did not mention: a
    /// machine translation may "complete" a vague subject with a plausible but wrong name.
    ///
    /// ## Example
    /// Original: „Der Minister wies die Vorwürfe zurück.“ Translation: "Minister Lindner rejected the
    /// accusations." → `Lindner` is not in this sentence of the original.
    ///
    /// ## Known false positives
    /// A name the translator adds from general knowledge (a city's country, a minister's first name);
    /// hence a warning.
    pub static NAME_ADDED = {
        code: "TP303",
        name: "name-added",
        severity: Warning,
        summary: "the translation names someone or something the original does not",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for &(t, te) in ctx.name_changes(view).map_or(&[][..], |d| &d.added) {
            let message = format!("name added: `{}` is not in the original", te.text);
            let tl = ctx.trans_loc(t, Some(te.span.clone()), "not in the original");
            let ol = ctx.orig_loc(view.bead.original[0], None, format!("no `{}` here", te.text));
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
