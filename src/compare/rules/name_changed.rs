use crate::compare::{Context, Rule};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// A name (person, place, organisation) in an original sentence replaced by a different name of the
    /// same kind in the aligned translation. Names are matched across languages by the names table
    /// (Moskau = Moscow, Bergkarabach = Nagorno-Karabakh), by transliteration (Путин = Putin) and by
    /// folded spelling (Malerius, Malerius'); only names the tool trusts take part (see `name-missing`).
    ///
    /// ## Why it matters
    /// Naming the wrong person or place misattributes an act or a statement.
    ///
    /// ## Example
    /// Original: „Der Vorfall ereignete sich nahe Charkiw.“ Translation: "The incident occurred near
    /// Kyiv." → `Charkiw` became `Kyiv`.
    ///
    /// Severity: error when both names are persons; warning otherwise (places are often rendered by
    /// metonymy: "Iran" as "Tehran").
    ///
    /// ## Known false positives
    /// Names translated descriptively ("the Kremlin" for "Moskau") and spelling variants the names table
    /// lacks.
    pub static NAME_CHANGED = {
        code: "TP301",
        name: "name-changed",
        severity: Error,
        summary: "a name was replaced by another name",
        check: check,
    };
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        for &((o, oe), (t, te)) in ctx.name_changes(view).map_or(&[][..], |d| &d.changed) {
            // Swapped people are near-certain; places and demonyms are often rendered by metonymy
            // ("Iran" as "Tehran", "Juventus Turin" as "the Italian club").
            let sure =
                oe.kind == crate::claims::EntityKind::Person && te.kind == crate::claims::EntityKind::Person;
            let severity = if sure { rule.severity } else { Severity::Warning };
            let message =
                format!("name changed: `{}` in the original, `{}` in the translation", oe.text, te.text);
            let tl = ctx.trans_loc(t, Some(te.span.clone()), format!("the original names `{}`", oe.text));
            let ol = ctx.orig_loc(o, Some(oe.span.clone()), "the original's name");
            out.push(ctx.finding_with(rule, severity, Some(view.bead), message, Some(tl), Some(ol)));
        }
    }
}
