use std::ops::Range;

use crate::claims::{DateClaim, DateKind};
use crate::compare::common::{
    bead_lost_quotes, date_class, dates_agree, inside_quote, nearby_orig, nearby_trans, orig_items,
    quantity_values_near, same_value, trans_items, unmatched,
};
use crate::compare::quotes::MIN_WORDS;
use crate::compare::{Context, Rule};
use crate::index::{OrigIdx, TransIdx};
use crate::report::{Finding, Severity};

declare_rule! {
    /// ## What it checks
    /// Dates and times of an original sentence against the aligned translation, by component:
    /// years, months with their days (`am 14. März` = `on March 14`), weekdays (`Dienstag` =
    /// `Tuesday`), clock times (`3.40 Uhr` = `3:40 a.m.`) and relative days (`gestern` = `yesterday`).
    /// A component that differs is an error; one that is missing or added is a warning.
    ///
    /// ## Why it matters
    /// A wrong day or time misplaces an event; in breaking news the timeline is often the story.
    ///
    /// ## Example
    /// Original: „Das Feuer brach in der Nacht auf Donnerstag aus.“ Translation: "The fire broke out on
    /// Wednesday night." → `Donnerstag` became `Wednesday`.
    ///
    /// ## Known false positives
    /// A translation that resolves a relative day ("gestern") into a weekday ("on Tuesday") is
    /// accepted; one that resolves it into a date is reported as an added date. Times written in
    /// 12-hour form without a.m./p.m. match either half of the day; a time of a 24-hour-clock language
    /// (the pack's `clock_24h`: `alle 5.20`) against one with a.m./p.m. must agree on the hour.
    pub static DATE_CHANGED = {
        code: "TP201",
        name: "date-changed",
        severity: Error,
        summary: "a date or time differs, is missing or was added",
        check: check,
    };
}

/// Relative days and weekdays render each other ("gestern" as "on Tuesday").
fn interchangeable(a: u8, b: u8) -> bool {
    a == b || matches!((a, b), (2, 4) | (4, 2))
}

fn check(ctx: &Context<'_>, rule: &Rule, out: &mut Vec<Finding>) {
    for view in ctx.paired_beads() {
        let bead = view.bead;
        let o = orig_items(ctx, bead, |c| &c.dates);
        let t = trans_items(ctx, bead, |c| &c.dates);
        let (uo, ut) = unmatched(&o, &t, |a, b| dates_agree(ctx, a.1, b.1));
        let near_t: Vec<&DateClaim> = nearby_trans(ctx, view.index, |c| &c.dates);
        let near_o: Vec<&DateClaim> = nearby_orig(ctx, view.index, |c| &c.dates);
        // A year may be read as a plain number on the other side ("im Jahr 1724" / "from 1724").
        let qt = quantity_values_near(ctx, view.index, false);
        let qo = quantity_values_near(ctx, view.index, true);
        let year_in = |d: &DateClaim, values: &[f64]| match d.kind {
            DateKind::Year { year } => values.iter().any(|&v| same_value(v, f64::from(year))),
            _ => false,
        };
        let lost_quote = bead_lost_quotes(ctx, bead);
        // A date in the part of a quotation the translation cut away is reported with the quotation.
        let shortened = crate::compare::quotes::shortened(ctx, view);
        let mut uo: Vec<_> = uo
            .into_iter()
            .map(|i| o[i])
            .filter(|(_, d)| !near_t.iter().any(|n| dates_agree(ctx, d, n)) && !year_in(d, &qt))
            .filter(|(oi, d)| !(lost_quote && inside_quote(ctx.orig_claims(*oi), &d.span, MIN_WORDS)))
            .filter(|(oi, d)| {
                !shortened.iter().any(|(i, s)| i == oi && s.start <= d.span.start && d.span.end <= s.end)
            })
            .filter(|(oi, d)| {
                !beside_weekday(&ctx.original.sentences[oi.0].text, d, &ctx.orig_claims(*oi).dates)
            })
            .collect();
        let mut ut: Vec<_> = ut
            .into_iter()
            .map(|j| t[j])
            .filter(|(_, d)| !near_o.iter().any(|n| dates_agree(ctx, n, d)) && !year_in(d, &qo))
            .filter(|(ti, d)| {
                !beside_weekday(&ctx.translation.sentences[ti.0].text, d, &ctx.trans_claims(*ti).dates)
            })
            .collect();

        // Changed: the same class on both sides with different values.
        let mut changed = Vec::new();
        let mut i = 0;
        while i < uo.len() {
            let class = date_class(uo[i].1);
            if let Some(j) = ut.iter().position(|x| date_class(x.1) == class) {
                let (oi, od) = uo.remove(i);
                let (ti, td) = ut.remove(j);
                changed.push((oi, od.span.clone(), ti, td.span.clone()));
            } else {
                i += 1;
            }
        }
        for (oi, ospan, ti, tspan) in one_per_date(ctx, changed) {
            let od = &ctx.original.sentences[oi.0].text[ospan.clone()];
            let td = &ctx.translation.sentences[ti.0].text[tspan.clone()];
            let message = format!("date changed: `{od}` in the original, `{td}` in the translation");
            let tl = ctx.trans_loc(ti, Some(tspan), format!("the original says `{od}`"));
            let ol = ctx.orig_loc(oi, Some(ospan), "the original's date");
            out.push(ctx.finding(rule, Some(bead), message, Some(tl), Some(ol)));
        }
        // A relative day rendered as a weekday (or the reverse) is a fair translation.
        let mut i = 0;
        while i < uo.len() {
            let class = date_class(uo[i].1);
            if let Some(j) = ut.iter().position(|x| interchangeable(date_class(x.1), class)) {
                uo.remove(i);
                ut.remove(j);
            } else {
                i += 1;
            }
        }
        for (oi, od) in uo {
            let message = format!("date missing: the original's `{}` is not in the translation", od.text);
            let tl = ctx.trans_loc(bead.translation[0], None, format!("no `{}` here", od.text));
            let ol = ctx.orig_loc(oi, Some(od.span.clone()), "this date has no counterpart");
            out.push(ctx.finding_with(rule, Severity::Warning, Some(bead), message, Some(tl), Some(ol)));
        }
        for (ti, td) in ut {
            let message = format!("date added: `{}` is not in the original", td.text);
            let tl = ctx.trans_loc(ti, Some(td.span.clone()), "not in the original");
            let ol = ctx.orig_loc(bead.original[0], None, format!("no `{}` here", td.text));
            out.push(ctx.finding_with(rule, Severity::Warning, Some(bead), message, Some(tl), Some(ol)));
        }
    }
}

/// A relative day in apposition to a weekday (`Today, Friday`, `heute, Freitag`): one day named twice,
/// compared as the weekday.
fn beside_weekday(text: &str, d: &DateClaim, dates: &[DateClaim]) -> bool {
    matches!(d.kind, DateKind::Relative { .. })
        && dates.iter().any(|w| {
            matches!(w.kind, DateKind::Weekday { .. }) && {
                let (a, b) =
                    if w.span.start < d.span.start { (&w.span, &d.span) } else { (&d.span, &w.span) };
                text.get(a.end..b.start).is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
            }
        })
}

type Change = (OrigIdx, Range<usize>, TransIdx, Range<usize>);

/// Changes to the parts of one date (`środę 22 października` → `Tuesday, October 21`: the weekday and the
/// day) joined into one, so one wrong date is one finding: parts are joined when only spaces and
/// punctuation stand between them on both sides.
fn one_per_date(ctx: &Context<'_>, mut changed: Vec<Change>) -> Vec<Change> {
    let joined = |text: &str, a: &Range<usize>, b: &Range<usize>| {
        let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
        text.get(first.end..second.start).is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
    };
    changed.sort_by_key(|c| (c.2, c.3.start));
    let mut out: Vec<Change> = Vec::new();
    for c in changed {
        if let Some(last) = out.last_mut()
            && last.0 == c.0
            && last.2 == c.2
            && joined(&ctx.translation.sentences[c.2.0].text, &last.3, &c.3)
            && joined(&ctx.original.sentences[c.0.0].text, &last.1, &c.1)
        {
            last.1 = last.1.start.min(c.1.start)..last.1.end.max(c.1.end);
            last.3 = last.3.start.min(c.3.start)..last.3.end.max(c.3.end);
            continue;
        }
        out.push(c);
    }
    out
}
