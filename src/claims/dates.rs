//! Dates and times: months with their days, weekdays, years, clock times and relative days.
//!
//! In: the sentence's tokens. Out: [`DateClaim`]s, with the tokens they cover marked used so that
//! `numbers` does not read `20. September` as the ordinal 20 or `2019` as a count. Runs before
//! `numbers`. Names come from the pack; capitalisation decides for ambiguous ones (`Morgen`, the
//! morning, is not `morgen`, tomorrow; `May` counts only beside a number or after a lead word).

use super::numbers::{parse_digits, phrase_before};
use super::tokens::{TokKind, Token, span_of};
use super::{Ctx, DateClaim, DateKind};

/// Small plain digits (`1`-`2` digits, no separators) at `i`, not yet used.
fn small(ctx: &Ctx, i: usize, max: u32) -> Option<u32> {
    let t = ctx.toks.get(i).filter(|t| t.kind == TokKind::Digits && !ctx.used[i])?;
    if t.lower.len() > 2 {
        return None;
    }
    t.lower.parse::<u32>().ok().filter(|v| *v <= max)
}

fn punct_at(ctx: &Ctx, i: usize, chars: &[char]) -> bool {
    ctx.toks.get(i).is_some_and(|t| chars.iter().any(|c| t.is_punct(*c)) && t.glued())
}

/// A month name at `i`: month number and tokens covered. Ambiguous names and abbreviations need
/// `beside_number` or a lead word before them.
fn month_at(ctx: &Ctx, i: usize, beside_number: bool) -> Option<(u8, usize)> {
    let t = ctx.toks.get(i)?;
    let case_ok = t.is_capitalised(ctx.text) || ctx.lex.pack.dates.lowercase_names;
    if ctx.used[i] || t.kind != TokKind::Word || !case_ok {
        return None;
    }
    let (len, (month, abbreviation)) = ctx.lex.months.match_at(&ctx.toks, i)?;
    if beside_number {
        return Some((month, len));
    }
    let ambiguous = abbreviation || ctx.lex.ambiguous_months.contains(&t.lower);
    if !ambiguous {
        return Some((month, len));
    }
    let lead = phrase_before(&ctx.lex.year_lead, &ctx.toks, i).is_some()
        && i > 0
        && (ctx.toks[i - 1].is_lowercase(ctx.text) || Some(i - 1) == ctx.first);
    let year_after = ctx.toks.get(i + len).is_some_and(|n| n.kind == TokKind::Digits && n.lower.len() == 4);
    (lead || year_after).then_some((month, len))
}

/// A day number before a month: `20.` (with an ordinal period), `20`, `20th`, `20th of`.
/// Returns the day and the token index after it (where the month must start).
fn day_before_month(ctx: &Ctx, i: usize) -> Option<(u8, usize)> {
    let day = small(ctx, i, 31).filter(|d| *d >= 1)?;
    if ctx.toks[i].glued() && i > 0 && ctx.toks[i - 1].kind != TokKind::Punct {
        return None;
    }
    let mut j = i + 1;
    if ctx.lex.pack.numbers.ordinal_period && punct_at(ctx, j, &['.']) {
        j += 1;
    } else if ctx.toks.get(j).is_some_and(|t| t.glued() && ctx.lex.ordinal_suffixes.contains_word(&t.lower)) {
        j += 1;
        if ctx.toks.get(j).is_some_and(|t| t.lower == "of") {
            j += 1;
        }
    }
    Some((day as u8, j))
}

/// A year at `i` in a date (after a month or a day): four plain digits.
fn year_at(ctx: &Ctx, i: usize) -> Option<i32> {
    let t = ctx.toks.get(i).filter(|t| t.kind == TokKind::Digits && !ctx.used[i] && t.lower.len() == 4)?;
    let next_sep = ctx.toks.get(i + 1).is_some_and(|n| n.glued() && matches!(n.lower.as_str(), "." | ","))
        && ctx.toks.get(i + 2).is_some_and(|n| n.glued() && n.kind == TokKind::Digits);
    if next_sep {
        return None;
    }
    t.lower.parse().ok()
}

struct Out<'c> {
    claims: Vec<DateClaim>,
    text: &'c str,
}

impl Out<'_> {
    fn push(&mut self, toks: &[Token], i: usize, j: usize, kind: DateKind) {
        let span = span_of(toks, i, j);
        self.claims.push(DateClaim { text: self.text[span.clone()].to_owned(), span, kind });
    }
}

/// Extracts the dates and times of a sentence, marking their tokens used.
pub fn extract(ctx: &mut Ctx) -> Vec<DateClaim> {
    let mut out = Out { claims: Vec::new(), text: ctx.text };
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if ctx.used[i] {
            i += 1;
            continue;
        }
        if let Some(j) = numeric_date(ctx, i, &mut out)
            .or_else(|| time(ctx, i, &mut out))
            .or_else(|| day_month(ctx, i, &mut out))
            .or_else(|| month_day(ctx, i, &mut out))
            .or_else(|| weekday(ctx, i, &mut out))
            .or_else(|| relative(ctx, i, &mut out))
        {
            ctx.mark(i, j);
            // A year right after a date: `20. September 2019`, `September 20, 2019`.
            let mut k = j;
            if punct_at(ctx, k, &[',']) {
                k += 1;
            }
            if let Some(y) = year_at(ctx, k) {
                out.push(&ctx.toks, k, k + 1, DateKind::Year { year: y });
                ctx.mark(k, k + 1);
                i = k + 1;
            } else {
                i = j;
            }
            continue;
        }
        i += 1;
    }
    // Years last, so that the context around them (months, times) is already read.
    let mut i = 0;
    while i < n {
        if !ctx.used[i]
            && let Some(j) = year(ctx, i, &mut out)
        {
            ctx.mark(i, j);
            i = j;
            continue;
        }
        i += 1;
    }
    out.claims.sort_by_key(|d| d.span.start);
    out.claims
}

/// `3.10.2019` (day-month-year packs) or `10/3/2019` (month-day-year packs).
fn numeric_date(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let dmy = ctx.lex.numeric_date_dmy?;
    let a = small(ctx, i, 31)?;
    if !punct_at(ctx, i + 1, &['.', '/']) {
        return None;
    }
    let sep = ctx.toks[i + 1].lower.clone();
    let b = small(ctx, i + 2, 31).filter(|_| ctx.toks[i + 2].glued())?;
    if !(ctx.toks.get(i + 3).is_some_and(|t| t.lower == sep && t.glued())) {
        return None;
    }
    let y = ctx.toks.get(i + 4).filter(|t| t.glued() && t.kind == TokKind::Digits && t.lower.len() == 4)?;
    let year: i32 = y.lower.parse().ok()?;
    let (day, month) = if dmy { (a, b) } else { (b, a) };
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    out.push(&ctx.toks, i, i + 4, DateKind::Month { month: month as u8, day: Some(day as u8) });
    out.push(&ctx.toks, i + 4, i + 5, DateKind::Year { year });
    Some(i + 5)
}

/// `15.30 Uhr`, `15 Uhr`, `3:40 a.m.`, `3pm`, `15:30`, `19 h 31`, `alle 5.20`.
fn time(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let hour = small(ctx, i, 24)?;
    if i > 0 && ctx.toks[i].glued() && !ctx.toks[i - 1].is_punct('(') {
        return None;
    }
    let mut j = i + 1;
    let mut minute = 0;
    let mut colon = false;
    if punct_at(ctx, j, &[':', '.'])
        && let Some(m) =
            ctx.toks.get(j + 1).filter(|t| t.glued() && t.kind == TokKind::Digits && t.lower.len() == 2)
    {
        colon = ctx.toks[j].is_punct(':');
        minute = m.lower.parse::<u32>().ok().filter(|m| *m < 60)?;
        j += 2;
    }
    let lex = ctx.lex;
    let (mut h, mut end) = (hour, j);
    let mut marked = false;
    if let Some((len, ())) = lex.time_am.match_at(&ctx.toks, j) {
        if hour == 0 || hour > 12 {
            return None;
        }
        h = hour % 12;
        end = j + len;
        marked = true;
    } else if let Some((len, ())) = lex.time_pm.match_at(&ctx.toks, j) {
        if hour == 0 || hour > 12 {
            return None;
        }
        h = hour % 12 + 12;
        end = j + len;
        marked = true;
    } else if let Some((len, ())) = lex.time_words.match_at(&ctx.toks, j) {
        end = j + len;
        marked = true;
        // `19 h 31`, `14h20`: two-digit minutes after a word of `time_minute_words`.
        if !colon
            && len == 1
            && lex.time_minute_words.contains_word(&ctx.toks[j].lower)
            && let Some(m) = ctx.toks.get(end).filter(|t| t.kind == TokKind::Digits && t.lower.len() == 2)
            && let Some(m) = m.lower.parse::<u32>().ok().filter(|m| *m < 60)
        {
            minute = m;
            end += 1;
        }
        // `8 Uhr abends`.
        if let Some((len, ())) = lex.time_pm.match_at(&ctx.toks, end)
            && hour < 12
        {
            h = hour + 12;
            end += len;
        }
    }
    // `alle 5.20`, `godz. 23.40`: after a word of `time_lead_words`, `h.mm` is a time, not a decimal.
    let led = j > i + 1 && phrase_before(&lex.time_lead, &ctx.toks, i).is_some();
    if !marked && !colon && !led {
        return None;
    }
    if h >= 24 && !(h == 24 && minute == 0) {
        return None;
    }
    // `2:1` is a score: a colon time needs two-digit minutes, which `small` and the check above ensure.
    out.push(&ctx.toks, i, end, DateKind::Time { hour: h as u8, minute: minute as u8 });
    Some(end)
}

/// `20. September`, `20 September`, `20th of September`, and ranges `10. bis 12. Mai`, `10-12 May`.
fn day_month(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let (day, j) = day_before_month(ctx, i)?;
    if let Some((month, len)) = month_at(ctx, j, true) {
        out.push(&ctx.toks, i, j + len, DateKind::Month { month, day: Some(day) });
        return Some(j + len);
    }
    // A range of days before the month.
    let k = if ctx.toks.get(j).is_some_and(|t| t.is_punct('-') || t.is_punct('–')) {
        Some(j + 1)
    } else {
        ctx.lex
            .range_words
            .match_at(&ctx.toks, j)
            .or_else(|| ctx.lex.day_list_words.match_at(&ctx.toks, j))
            .map(|(len, ())| j + len)
    }?;
    // `du jeudi 13 au vendredi 14 février`: a weekday before the second day.
    let weekday2 = ctx
        .toks
        .get(k)
        .filter(|t| !ctx.used[k] && (t.is_capitalised(ctx.text) || ctx.lex.pack.dates.lowercase_names))
        .and_then(|_| ctx.lex.weekdays.match_at(&ctx.toks, k));
    let k2 = k + weekday2.map_or(0, |(len, _)| len);
    let (day2, j2) = day_before_month(ctx, k2)?;
    let (month, len) = month_at(ctx, j2, true)?;
    out.push(&ctx.toks, i, j, DateKind::Month { month, day: Some(day) });
    if let Some((wlen, weekday)) = weekday2 {
        out.push(&ctx.toks, k, k + wlen, DateKind::Weekday { weekday });
    }
    out.push(&ctx.toks, k2, j2 + len, DateKind::Month { month, day: Some(day2) });
    Some(j2 + len)
}

/// `September 20`, `September 20th`, `May 10-12`, or a month alone (`im September`).
fn month_day(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let digits_after = |k: usize| ctx.toks.get(k).is_some_and(|t| t.kind == TokKind::Digits);
    let probe = ctx.lex.months.match_at(&ctx.toks, i).map_or(0, |(len, _)| len);
    let (month, len) = month_at(ctx, i, probe > 0 && digits_after(i + probe))?;
    let j = i + len;
    if let Some(day) = small(ctx, j, 31).filter(|d| *d >= 1) {
        // Not `Mai 2019` (a year) nor `May 3.5`.
        let mut end = j + 1;
        if ctx.toks.get(end).is_some_and(|t| t.glued() && ctx.lex.ordinal_suffixes.contains_word(&t.lower)) {
            end += 1;
        }
        let decimal_after = punct_at(ctx, end, &['.', ',', ':'])
            && ctx.toks.get(end + 1).is_some_and(|t| t.glued() && t.kind == TokKind::Digits);
        if !decimal_after {
            out.push(&ctx.toks, i, end, DateKind::Month { month, day: Some(day as u8) });
            // `May 10-12`, `May 10 to 12`.
            let k = if ctx.toks.get(end).is_some_and(|t| t.is_punct('-') || t.is_punct('–')) {
                Some(end + 1)
            } else {
                ctx.lex
                    .range_words
                    .match_at(&ctx.toks, end)
                    .or_else(|| ctx.lex.day_list_words.match_at(&ctx.toks, end))
                    .map(|(l, ())| end + l)
            };
            if let Some(k) = k
                && let Some(day2) = small(ctx, k, 31).filter(|d| *d >= 1)
                && year_at(ctx, k).is_none()
            {
                out.push(&ctx.toks, k, k + 1, DateKind::Month { month, day: Some(day2 as u8) });
                return Some(k + 1);
            }
            return Some(end);
        }
    }
    out.push(&ctx.toks, i, j, DateKind::Month { month, day: None });
    Some(j)
}

/// `Dienstag`, `Tuesday`, `Dienstagabend`.
fn weekday(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let t = &ctx.toks[i];
    if t.kind != TokKind::Word || !(t.is_capitalised(ctx.text) || ctx.lex.pack.dates.lowercase_names) {
        return None;
    }
    if let Some((len, weekday)) = ctx.lex.weekdays.match_at(&ctx.toks, i) {
        out.push(&ctx.toks, i, i + len, DateKind::Weekday { weekday });
        return Some(i + len);
    }
    // A possessive (`Thursday's quake`) names the day as well as the bare name.
    let possessive = t.lower.strip_suffix("'s");
    let (_, weekday) = ctx.lex.weekday_stems.iter().find(|(stem, _)| {
        possessive == Some(stem.as_str())
            || t.lower
                .strip_prefix(stem.as_str())
                .is_some_and(|rest| ctx.lex.day_parts.iter().any(|p| p == rest))
    })?;
    out.push(&ctx.toks, i, i + 1, DateKind::Weekday { weekday: *weekday });
    Some(i + 1)
}

/// `gestern`, `yesterday`, `last night`: lower case, or capitalised at the sentence start.
fn relative(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let t = &ctx.toks[i];
    if t.kind != TokKind::Word || !(t.is_lowercase(ctx.text) || Some(i) == ctx.first) {
        return None;
    }
    let (len, days) = ctx.lex.relative_days.match_at(&ctx.toks, i)?;
    out.push(&ctx.toks, i, i + len, DateKind::Relative { days });
    Some(i + len)
}

/// A year on its own: `2019`, `1990er`, `the 1990s`, `2019/20`; not `2000 Menschen`, `2000 Euro`.
fn year(ctx: &Ctx, i: usize, out: &mut Out) -> Option<usize> {
    let t = &ctx.toks[i];
    if t.kind != TokKind::Digits || t.lower.len() != 4 {
        return None;
    }
    let d = parse_digits(ctx, i)?;
    if !d.plain {
        return None;
    }
    let year = d.value as i32;
    if !(1000..=2100).contains(&year) {
        return None;
    }
    let lex = ctx.lex;
    let toks = &ctx.toks;
    let next = i + 1;
    // `1990er`, `1990s`.
    if toks.get(next).is_some_and(|n| n.glued() && n.kind == TokKind::Word)
        && lex.decade_suffixes.match_at(toks, next).is_some()
    {
        out.push(toks, i, next + 1, DateKind::Year { year });
        return Some(next + 1);
    }
    if i > 0 && toks[i].glued() && toks[i - 1].kind == TokKind::Word {
        return None;
    }
    let followed_by_amount = lex.percent.match_at(toks, next).is_some()
        || lex.currencies.match_at(toks, next).is_some()
        || lex.multipliers.match_at(toks, next).is_some()
        || toks.get(next).is_some_and(|n| n.is_punct('%'));
    // `$2019`, `rund 2019`; but `Euro 2020` is a tournament (a currency word, not a symbol or code).
    let preceded_by_amount = phrase_before(&lex.approximate, toks, i).is_some()
        || phrase_before(&lex.currencies, toks, i)
            .is_some_and(|(s, _)| !ctx.text[span_of(toks, s, i)].chars().any(char::is_lowercase));
    if followed_by_amount || preceded_by_amount {
        return None;
    }
    // `2019/20`: a season.
    let season = punct_at(ctx, next, &['/'])
        && toks
            .get(next + 1)
            .is_some_and(|n| n.glued() && n.kind == TokKind::Digits && matches!(n.lower.len(), 2 | 4));
    let end = if season { next + 2 } else { next };
    let lead = phrase_before(&lex.year_lead, toks, i).is_some()
        || (i > 0 && lex.months.match_at(toks, i - 1).is_some())
        || (i > 0 && (toks[i - 1].is_punct('/') || toks[i - 1].is_punct('-') || toks[i - 1].is_punct('–')));
    if !lead && !season {
        // `2000 Menschen`: a count before a capitalised noun, in languages that capitalise nouns.
        let before_noun = lex.pack.segment.noun_capitals
            && toks.get(next).is_some_and(|n| {
                n.kind == TokKind::Word
                    && n.is_capitalised(ctx.text)
                    && lex.months.match_at(toks, next).is_none()
                    && lex.weekdays.match_at(toks, next).is_none()
            });
        if before_noun || !(1900..=2100).contains(&year) {
            return None;
        }
    }
    out.push(toks, i, end, DateKind::Year { year });
    Some(end)
}
