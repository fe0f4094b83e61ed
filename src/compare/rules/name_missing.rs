use crate::compare::{Context, Rule};
use crate::report::Finding;

declare_rule! {
    /// ## What it checks
    /// A name in an original sentence that appears nowhere in the aligned translation sentences or
    /// their neighbours, in any spelling the tool knows.
    ///
    /// Only trusted names take part: names from the names table, names typed as persons, names
    /// spelled the same somewhere in the translation, and German places after `bei`, `nach` that
    /// neither the bundled lexicon nor an installed dictionary lists (`bei Schmilka`). German
    /// capitalises every noun, so a capitalised German word alone is not treated as a name.
    ///
    /// ## Why it matters
    /// Leaving out who or where changes what a reader learns: "Putin's calculation" and "a calculation"
    /// are different claims.
    ///
    /// ## Example
    /// Original: „Nach Einschätzung von Malerius hat Russland die Seiten gewechselt.“ Translation: "In
    /// the expert's assessment, Russia has changed sides." → `Malerius` is missing.
    ///
    /// ## Known false positives
    /// A name replaced by a pronoun or a description ("the president") in a translation that names the
    /// person in the previous sentence; hence a warning.
    pub static NAME_MISSING = {
        code: "TP302",
        name: "name-missing",
        severity: Warning,
        summary: "a name of the original is missing from the translation",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for &(o, oe) in ctx.name_changes(view).map_or(&[][..], |d| &d.missing) {
            let message = format!("name missing: the original's `{}` is not in the translation", oe.text);
            let tl = ctx.trans_loc(view.bead.translation[0], None, format!("no `{}` here", oe.text));
            let ol = ctx.orig_loc(o, Some(oe.span.clone()), "this name has no counterpart");
            out.push(ctx.finding(rule, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
