//! Quantities by value: digits in the document language's style, number words (German compounds
//! included), percentages, amounts of money, ranges, ordinals and vague quantities.
//!
//! In: the sentence's tokens, with those already taken by dates and times marked used. Out:
//! [`Quantity`]s. Conservative by design: `ein`/`one`/`a` count only before a multiplier
//! (`eine Million`), numbers glued into names (`COVID-19`, `G20`) are skipped, and ambiguous digit
//! groups that fit no reading (`1.2.3`) yield nothing.

use super::tokens::{TokKind, Token, span_of};
use super::{Ctx, Quantity, QuantityKind};

/// Digits read as one number.
#[derive(Debug, Clone, Copy)]
pub struct DigitNumber {
    /// Token index after the number.
    pub end: usize,
    pub value: f64,
    /// A single run of digits, no separators.
    pub plain: bool,
    /// The other reading over this one (`1000.0` or `0.001`) of one separator the language declares
    /// neither decimal nor grouping, before three digits (`32.000` in Russian: 32 or 32000).
    pub alt_ratio: Option<f64>,
}

fn is_sep(t: &Token) -> Option<char> {
    if t.kind != TokKind::Punct {
        return None;
    }
    t.lower.chars().next().filter(|c| matches!(c, '.' | ',' | '\'' | '’'))
}

/// Reads the digits starting at token `i` (a `Digits` token): `1.000,5`, `1,000.5`, `1 000`, `1'000`.
/// `None` when the groups fit no reading; the caller then skips them.
pub fn parse_digits(ctx: &Ctx, i: usize) -> Option<DigitNumber> {
    let toks = &ctx.toks;
    let first = toks.get(i).filter(|t| t.kind == TokKind::Digits)?;
    let mut groups: Vec<&str> = vec![first.text(ctx.text)];
    let mut seps: Vec<char> = Vec::new();
    let mut j = i + 1;
    while let Some(a) = toks.get(j) {
        if ctx.used[j] {
            break;
        }
        let b = toks.get(j + 1);
        if let Some(c) = is_sep(a) {
            if let Some(b) = b
                && a.glued()
                && b.glued()
                && b.kind == TokKind::Digits
                && !ctx.used[j + 1]
            {
                seps.push(if c == '’' { '\'' } else { c });
                groups.push(b.text(ctx.text));
                j += 2;
                continue;
            }
            break;
        }
        // `1 000`: a space group needs one space, a short first group and three-digit groups after it.
        let gap = &ctx.text[toks[j - 1].span.end..a.span.start];
        if ctx.lex.space_group
            && a.kind == TokKind::Digits
            && gap.chars().count() == 1
            && a.lower.len() == 3
            && groups[0].len() <= 3
            && seps.iter().all(|c| *c == ' ')
        {
            seps.push(' ');
            groups.push(a.text(ctx.text));
            j += 1;
            continue;
        }
        break;
    }
    let value = resolve(&groups, &seps, ctx.lex.decimal, &ctx.lex.group)?;
    let foreign = |c: char| matches!(c, '.' | ',') && c != ctx.lex.decimal && !ctx.lex.group.contains(&c);
    let alt_ratio = match (seps.as_slice(), groups.as_slice()) {
        ([sep], [head, tail]) if foreign(*sep) && tail.len() == 3 && head.len() <= 3 && *head != "0" => {
            Some(if value.1 { 1000.0 } else { 0.001 })
        }
        _ => None,
    };
    Some(DigitNumber { end: j, value: value.0, plain: seps.is_empty(), alt_ratio })
}

/// The value of digit groups joined by separators, and whether it has a decimal part.
fn resolve(groups: &[&str], seps: &[char], decimal: char, group_seps: &[char]) -> Option<(f64, bool)> {
    let num = |s: &str| s.parse::<f64>().ok();
    let Some((&last, rest)) = seps.split_last() else { return Some((num(groups[0])?, false)) };
    let grouped_ok = |upto: usize| {
        groups[0].len() <= 3 && groups[1..=upto].iter().all(|g| g.len() == 3) && groups[0] != "0"
    };
    let join = |upto: usize| groups[..=upto].concat();
    let last_group = groups[groups.len() - 1];
    if rest.iter().any(|c| *c != last) {
        // Two kinds: the last is the decimal separator, the others group thousands.
        let k = groups.len() - 2;
        if rest.iter().all(|c| *c == rest[0]) && grouped_ok(k) && last != ' ' && last != '\'' {
            return Some((num(&format!("{}.{}", join(k), last_group))?, true));
        }
        return None;
    }
    if !rest.is_empty() {
        // One kind, several times: thousands.
        return grouped_ok(groups.len() - 1)
            .then(|| num(&join(groups.len() - 1)))
            .flatten()
            .map(|v| (v, false));
    }
    // One separator.
    let thousands = last_group.len() == 3 && groups[0].len() <= 3 && groups[0] != "0";
    let as_group = || num(&join(1)).map(|v| (v, false));
    let as_decimal = || num(&format!("{}.{}", groups[0], last_group)).map(|v| (v, true));
    if last == ' ' || last == '\'' {
        return if thousands { as_group() } else { None };
    }
    if last == decimal {
        return as_decimal();
    }
    if thousands && group_seps.contains(&last) { as_group() } else { as_decimal() }
}

/// The longest phrase of `set` that ends right before token `end`: its first token.
pub fn phrase_before<V: Clone>(
    set: &super::tokens::PhraseSet<V>,
    toks: &[Token],
    end: usize,
) -> Option<(usize, V)> {
    (1..=4.min(end)).rev().find_map(|k| match set.match_at(toks, end - k) {
        Some((len, v)) if len == k => Some((end - k, v)),
        _ => None,
    })
}

/// Whether a letter belongs to a script that glues numbers to the next word: Chinese, Japanese kana,
/// Korean Hangul, Thai.
fn spaceless(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Whether the digits at `i` are glued into a name or code (`G20`, `A380`, `5G`).
pub fn glued_to_name(ctx: &Ctx, i: usize, end: usize) -> bool {
    let toks = &ctx.toks;
    let before = i.checked_sub(1).map(|k| &toks[k]);
    // Chinese, Japanese, Korean and Thai write a number against its counter (`12回`, `3人`, `12명`).
    let text = |t: &Token| ctx.text.get(t.span.clone()).unwrap_or("");
    let glued_word_before = before.is_some_and(|t| {
        t.kind == TokKind::Word && toks[i].glued() && !text(t).chars().next_back().is_some_and(spaceless)
    });
    let year_like = end == i + 1 && toks[i].lower.len() == 4;
    let after_word = toks.get(end).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.glued()
            && !text(t).chars().next().is_some_and(spaceless)
            && !ctx.lex.ordinal_suffixes.contains_word(&t.lower)
            && !ctx.lex.attached_multipliers.contains_word(&t.lower)
            && ctx.lex.multipliers.match_at(&ctx.toks, end).is_none()
            && ctx.lex.percent.match_at(&ctx.toks, end).is_none()
            && ctx.lex.currencies.match_at(&ctx.toks, end).is_none()
            && !(year_like && ctx.lex.decade_suffixes.contains_word(&t.lower))
    });
    // `COVID-19`, `iPhone-11` are read: translations write them `Covid-19`, `iPhone 11`.
    glued_word_before || after_word
}

/// A number read from words: `drei`, `twenty-two`, `dreieinhalb`, `eine Million`.
fn parse_words(ctx: &Ctx, i: usize) -> Option<(usize, f64, f64)> {
    let toks = &ctx.toks;
    let lex = ctx.lex;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last: Option<super::lexicon::Piece> = None;
    // The multiplier a trailing fraction was a fraction of, which stays the number's multiplier.
    let mut fraction_of = None;
    let mut j = i;
    use super::lexicon::Piece;
    // Capitalised number words count too: headlines write `Kills Two`, `Thirteen Peaks`.
    let word_ok = |k: usize| toks[k].kind == TokKind::Word;
    while j < toks.len() && !ctx.used[j] {
        let t = &toks[j];
        // `three and a half`, `four-and-a-half`; after a multiplier, a fraction of it (`un milione e
        // mezzo`, `dos millones y medio`, `a million and a half`: 1.5 million, not a million and 0.5).
        if last.is_some()
            && let Some((len, f)) = lex.fractions.match_at(toks, j)
        {
            match last {
                Some(Piece::Multiplier(m)) => {
                    current += f * m;
                    fraction_of = Some(m);
                }
                _ => current += f,
            }
            last = Some(Piece::Fraction(f));
            j += len;
            continue;
        }
        if t.kind != TokKind::Word {
            // `twenty-two`: a glued hyphen between tens and units.
            if t.is_punct('-')
                && t.glued()
                && matches!(last, Some(Piece::Unit(u)) if u >= 20.0 && u % 10.0 == 0.0)
                && toks.get(j + 1).is_some_and(|n| n.glued() && word_ok(j + 1))
                && let Some((_, v)) =
                    lex.words.match_at(toks, j + 1).or_else(|| lex.article_numbers.match_at(toks, j + 1))
                && v < 10.0
            {
                // `thirty-one`: the unit may be a word that is otherwise an article (`one`).
                current += v;
                last = Some(Piece::Unit(v));
                j += 2;
                continue;
            }
            break;
        }
        if let Some((len, m)) = lex.multipliers.match_at(toks, j) {
            let starts = last.is_none() && m < 1e6 && word_ok(j);
            if last.is_some() || starts {
                current = if current == 0.0 { 1.0 } else { current } * m;
                if m >= 1000.0 {
                    total += current;
                    current = 0.0;
                }
                last = Some(Piece::Multiplier(m));
                j += len;
                continue;
            }
            break;
        }
        if let Some((len, v)) = lex.words.match_at(toks, j) {
            let fits = match last {
                None => true,
                Some(Piece::Multiplier(m)) => v < m,
                Some(Piece::Unit(u)) => u >= 20.0 && u % 10.0 == 0.0 && v < 10.0 && toks[j].glued(),
                _ => false,
            };
            if !fits {
                break;
            }
            current += v;
            last = Some(Piece::Unit(v));
            j += len;
            continue;
        }
        if matches!(last, Some(Piece::Multiplier(_)))
            && let Some((len, ())) = lex.number_joiners.match_at(toks, j)
            && lex.words.match_at(toks, j + len).is_some()
        {
            j += len;
            continue;
        }
        if last.is_none() {
            if let Some((len, v)) = lex.article_numbers.match_at(toks, j) {
                let next = j + len;
                if lex.multipliers.match_at(toks, next).is_some()
                    || lex.fractions.match_at(toks, next).is_some()
                    || lex.percent.match_at(toks, next).is_some()
                {
                    current = v;
                    last = Some(Piece::Unit(v));
                    j = next;
                    continue;
                }
                break;
            }
            if let Some(v) = compound(lex, &t.lower) {
                current = v;
                last = Some(Piece::Unit(v));
                j += 1;
                continue;
            }
        }
        break;
    }
    if last.is_none() || j == i {
        return None;
    }
    let mult = match last {
        Some(Piece::Multiplier(m)) => m,
        Some(Piece::Fraction(_)) => fraction_of.unwrap_or(1.0),
        _ => 1.0,
    };
    Some((j, total + current, mult))
}

/// A number written as one word from pieces (`zweiundzwanzig`, `dreihundertfünfzig`, `dreieinhalb`).
/// Only for packs with a compound joiner; at least two pieces.
pub fn compound(lex: &super::lexicon::Lexicon, word: &str) -> Option<f64> {
    use super::lexicon::Piece;
    if lex.pieces.is_empty() {
        return None;
    }
    // `fünfjährige`, `viermal`: a number before an adjective ending; not `einmal`, `einjährig`, where
    // `ein` is as vague as the article.
    for suffix in &lex.compound_suffixes {
        if let Some(p) = word.find(suffix.as_str()).filter(|p| *p > 0) {
            let stem = &word[..p];
            let single = lex.pieces.iter().find(|(w, _)| w == stem).map(|(_, k)| *k);
            return match single {
                Some(Piece::Unit(v)) if v >= 2.0 => Some(v),
                Some(_) => None,
                None => compound_pieces(lex, stem),
            };
        }
    }
    compound_pieces(lex, word)
}

/// A number made of at least two pieces (`zweiundzwanzig`).
fn compound_pieces(lex: &super::lexicon::Lexicon, word: &str) -> Option<f64> {
    use super::lexicon::Piece;
    fn split(word: &str, pieces: &[(String, Piece)], acc: &mut Vec<Piece>, out: &mut Option<Vec<Piece>>) {
        if out.is_some() {
            return;
        }
        if word.is_empty() {
            *out = Some(acc.clone());
            return;
        }
        for (p, kind) in pieces {
            if let Some(rest) = word.strip_prefix(p.as_str()) {
                acc.push(*kind);
                split(rest, pieces, acc, out);
                acc.pop();
            }
        }
    }
    let mut found = None;
    split(word, &lex.pieces, &mut Vec::new(), &mut found);
    let seq = found?;
    if seq.len() < 2 {
        return None;
    }
    let (mut total, mut current) = (0.0, 0.0);
    let mut prev: Option<Piece> = None;
    for (k, p) in seq.iter().enumerate() {
        match *p {
            Piece::Joiner => {
                // Only between a unit below ten and a multiple of ten: `zwei-und-zwanzig`.
                let before = matches!(prev, Some(Piece::Unit(u)) if u < 10.0);
                let after = matches!(seq.get(k + 1), Some(Piece::Unit(u)) if *u >= 20.0 && u % 10.0 == 0.0);
                if !before || !after {
                    return None;
                }
            }
            Piece::Unit(v) => {
                if matches!(prev, Some(Piece::Unit(_)) | Some(Piece::Fraction(_))) {
                    return None;
                }
                current += v;
            }
            Piece::Multiplier(m) => {
                if matches!(prev, Some(Piece::Joiner)) {
                    return None;
                }
                current = if current == 0.0 { 1.0 } else { current } * m;
                if m >= 1000.0 {
                    total += current;
                    current = 0.0;
                }
            }
            Piece::Fraction(f) => {
                if k + 1 != seq.len() || !matches!(prev, Some(Piece::Unit(_))) {
                    return None;
                }
                current += f;
            }
        }
        prev = Some(*p);
    }
    Some(total + current)
}

/// One number's own reading plus its suffixes.
struct Read {
    start: usize,
    end: usize,
    value: f64,
    spelled: bool,
    kind: QuantityKind,
    currency: Option<String>,
    /// The multiplier applied by a following word (1 when none).
    mult: f64,
    /// See [`DigitNumber::alt_ratio`].
    alt_ratio: Option<f64>,
    /// An attached multiplier not applied for want of a currency (`900m` in `900m to 1bn pounds`).
    pending: Option<f64>,
}

/// Reads one number (digits or words) at `i` with what is glued to it (`3rd`, `%`, `3.` ordinal).
fn read_core(ctx: &Ctx, i: usize) -> Option<Read> {
    let toks = &ctx.toks;
    let t = toks.get(i)?;
    if ctx.used[i] {
        return None;
    }
    if t.kind == TokKind::Digits {
        let d = parse_digits(ctx, i)?;
        let mut r = Read {
            start: i,
            end: d.end,
            value: d.value,
            spelled: false,
            kind: QuantityKind::Cardinal,
            currency: None,
            mult: 1.0,
            alt_ratio: d.alt_ratio,
            pending: None,
        };
        let next = toks.get(d.end);
        if let Some(n) = next.filter(|n| n.glued() && n.kind == TokKind::Word) {
            if ctx.lex.ordinal_suffixes.contains_word(&n.lower) && d.plain {
                r.kind = QuantityKind::Ordinal;
                r.end += 1;
            }
        } else if ctx.lex.pack.numbers.ordinal_period
            && d.plain
            && d.value < 1000.0
            && next.is_some_and(|n| n.is_punct('.') && n.glued())
            && toks.get(d.end + 1).is_some_and(|w| w.kind != TokKind::Punct || w.is_punct('('))
        {
            r.kind = QuantityKind::Ordinal;
            r.end += 1;
        }
        return Some(r);
    }
    if t.kind == TokKind::Word {
        // `Five Eyes`, `Big Four`: a capitalised number word inside a name, unless the sentence is a
        // title-case headline or starts with it (not in languages that capitalise nouns, where the next
        // capital is only a noun: `Zwei Verletzte`).
        let in_name = !ctx.lex.noun_capitals
            && t.is_capitalised(ctx.text)
            && Some(i) != ctx.first
            && ctx.toks.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Word
                    && n.is_capitalised(ctx.text)
                    && ctx.lex.multipliers.match_at(&ctx.toks, i + 1).is_none()
            })
            && !super::title_case(ctx);
        if in_name {
            return None;
        }
        // `un disque neuf`, `par un neuf`: the adjective (new), not nine.
        if ctx.lex.adjective_numbers.contains_word(&t.lower)
            && (ctx.toks.get(i + 1).is_none_or(|n| n.kind != TokKind::Word)
                || i > 0 && ctx.lex.article_numbers.match_at(&ctx.toks, i - 1).is_some())
        {
            return None;
        }
        // `both Berlin and Paris`: a conjunction, no count.
        if let Some((len, later)) = ctx.lex.correlatives.match_at(&ctx.toks, i)
            && ctx.toks[i + len..].iter().any(|t| later.contains(&t.lower))
        {
            return None;
        }
        if let Some((end, value, mult)) = parse_words(ctx, i) {
            return Some(Read {
                start: i,
                end,
                value,
                spelled: true,
                kind: QuantityKind::Cardinal,
                currency: None,
                mult,
                alt_ratio: None,
                pending: None,
            });
        }
    }
    None
}

/// Applies the words after a number: multiplier, percent, currency.
fn read_suffixes(ctx: &Ctx, r: &mut Read) {
    let toks = &ctx.toks;
    let lex = ctx.lex;
    if r.kind == QuantityKind::Ordinal {
        return;
    }
    // A glued hyphen before a multiplier, percent or currency word joins a compound:
    // `1-Billionen-Dollar-Paket`, `5-Prozent-Hürde`.
    let hyphen = |at: usize| {
        let joins = toks.get(at).is_some_and(|t| t.is_punct('-') && t.glued())
            && toks.get(at + 1).is_some_and(|n| n.glued() && n.kind == TokKind::Word)
            && (lex.multipliers.match_at(toks, at + 1).is_some()
                || lex.percent.match_at(toks, at + 1).is_some()
                || lex.currencies.match_at(toks, at + 1).is_some());
        if joins { at + 1 } else { at }
    };
    r.end = hyphen(r.end);
    // `3,5 Millionen`, `3.5 million`.
    if !r.spelled
        && let Some((len, m)) = lex.multipliers.match_at(toks, r.end)
        && !ctx.used[r.end]
    {
        r.value *= m;
        r.end = hyphen(r.end + len);
        r.mult = m;
        // `1 milhão e meio`: a fraction of the multiplier.
        if let Some((len, f)) = lex.fractions.match_at(toks, r.end) {
            r.value += f * m;
            r.end += len;
        }
    }
    // `$3bn`: an attached multiplier, kept only if money is named.
    let mut attached = None;
    if let Some(n) = toks.get(r.end).filter(|n| n.glued() && n.kind == TokKind::Word)
        && let Some((1, m)) = lex.attached_multipliers.match_at(toks, r.end)
    {
        attached = Some((n.span.clone(), m));
    }
    let after_attached = r.end + usize::from(attached.is_some());
    if toks.get(after_attached).is_some_and(|t| t.is_punct('%')) {
        r.kind = QuantityKind::Percent;
        r.end = after_attached + 1;
        return;
    }
    if let Some((len, ())) = lex.percent.match_at(toks, after_attached) {
        r.kind = QuantityKind::Percent;
        r.end = after_attached + len;
        return;
    }
    if let Some((len, code)) = lex.currencies.match_at(toks, after_attached) {
        r.kind = QuantityKind::Currency;
        r.currency = Some(code);
        r.end = after_attached + len;
    }
    if let Some((_, m)) = attached
        && !(r.currency.is_some() || currency_before(ctx, r.start).is_some())
    {
        // Kept until a range's second end names the money (`900m to 1bn pounds`).
        r.pending = Some(m);
    }
    if let Some((_, m)) = attached
        && (r.currency.is_some() || currency_before(ctx, r.start).is_some())
    {
        r.value *= m;
        r.end = r.end.max(after_attached);
        r.mult = m;
    }
}

/// A currency symbol or code right before token `i` (`$`, `€`, `US$`, `EUR`): its first token and code.
/// Currency words (`Euro`) do not count there: `Euro 2020` is a tournament.
fn currency_before(ctx: &Ctx, i: usize) -> Option<(usize, String)> {
    let (start, code) = phrase_before(&ctx.lex.currencies, &ctx.toks, i)?;
    let text = &ctx.text[span_of(&ctx.toks, start, i)];
    (!text.chars().any(char::is_lowercase) && !(start..i).any(|k| ctx.used[k])).then_some((start, code))
}

/// Extracts the quantities of a sentence.
pub fn extract(ctx: &mut Ctx) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        if ctx.used[i] {
            i += 1;
            continue;
        }
        if ctx.toks[i].kind == TokKind::Digits
            && let Some(d) = parse_digits(ctx, i)
            && glued_to_name(ctx, i, d.end)
        {
            ctx.mark(i, d.end);
            i = d.end;
            continue;
        }
        if ctx.toks[i].kind == TokKind::Digits && parse_digits(ctx, i).is_none() {
            // Digit groups that fit no reading (`1.2.3`): skip them whole.
            let mut j = i + 1;
            while j < ctx.toks.len()
                && ctx.toks[j].glued()
                && (ctx.toks[j].kind == TokKind::Digits || is_sep(&ctx.toks[j]).is_some())
            {
                j += 1;
            }
            ctx.mark(i, j);
            i = j;
            continue;
        }
        // A vague phrase at least as long as the number read here wins: `тысячи людей`, `tysiące osób`
        // (thousands of people) are plurals of a multiplier, and `a dozen or so` is no dozen. After a
        // number the multiplier belongs to it (`три тысячи`), read from that number's first word.
        // After a word that takes a number (`более тысячи`, more than a thousand) the number wins.
        let led = phrase_before(&ctx.lex.number_leads, &ctx.toks, i).is_some();
        let vague = ctx.lex.vague.match_at(&ctx.toks, i).map(|(len, ())| len).filter(|_| !led);
        let core = read_core(ctx, i).filter(|r| vague.is_none_or(|len| r.end - i > len));
        let Some(mut first) = core else {
            if let Some(n) = other_word_quantity(ctx, i) {
                i = n.span_end_token;
                out.push(n.quantity);
            } else {
                i += 1;
            }
            continue;
        };
        // A range: `10 bis 12`, `10-12`, `zwischen 10 und 12` is two numbers anyway.
        let mut second = None;
        if first.kind != QuantityKind::Ordinal {
            // Past a multiplier of the first end (`900m to 1bn`, `900 Mio. bis 1 Milliarde`).
            let attached = ctx.toks.get(first.end).is_some_and(|t| {
                t.glued() && t.kind == TokKind::Word && ctx.lex.attached_multipliers.contains_word(&t.lower)
            });
            let word = if first.spelled { None } else { ctx.lex.multipliers.match_at(&ctx.toks, first.end) };
            let at = first.end + word.map_or(usize::from(attached), |(len, _)| len);
            let dash = ctx.toks.get(at).is_some_and(|t| {
                let next_glued = ctx.toks.get(at + 1).is_some_and(Token::glued);
                (t.is_punct('-') || t.is_punct('–') || t.is_punct('—')) && t.glued() == next_glued
            });
            let joint =
                if dash { Some(1) } else { ctx.lex.range_words.match_at(&ctx.toks, at).map(|(len, ())| len) };
            if let Some(len) = joint
                && let Some(b) = read_core(ctx, at + len)
                && b.kind != QuantityKind::Ordinal
                && b.spelled == first.spelled
            {
                second = Some(b);
            }
        }
        let prefix = currency_before(ctx, first.start);
        match second.as_mut() {
            Some(b) => {
                read_suffixes(ctx, b);
                read_suffixes(ctx, &mut first);
                // What follows the second end applies to both: `10 bis 12 Millionen Euro`.
                if let Some(m) = first.pending.filter(|_| b.currency.is_some()) {
                    first.value *= m;
                    first.end += 1;
                } else if first.mult == 1.0 && b.mult > 1.0 {
                    first.value *= b.mult;
                }
                if first.kind == QuantityKind::Cardinal {
                    first.kind = b.kind;
                    first.currency.clone_from(&b.currency);
                }
            }
            None => read_suffixes(ctx, &mut first),
        }
        let mut reads = vec![first];
        reads.extend(second);
        let approximate = {
            let start = prefix.as_ref().map_or(reads[0].start, |p| p.0);
            phrase_before(&ctx.lex.approximate, &ctx.toks, start).is_some()
        };
        let end = reads.last().map_or(i + 1, |r| r.end);
        for (k, mut r) in reads.into_iter().enumerate() {
            // `a dozen`, `десяток`: one of the multipliers that name a round count, alone.
            let round = r.spelled
                && r.mult > 1.0
                && r.value == r.mult
                && r.end > r.start
                && ctx.lex.round_multipliers.contains_word(&ctx.toks[r.end - 1].lower);
            let mut start = r.start;
            if k == 0
                && let Some((p, code)) = &prefix
            {
                start = *p;
                r.kind = QuantityKind::Currency;
                r.currency = Some(code.clone());
            }
            let span = span_of(&ctx.toks, start, r.end);
            out.push(Quantity {
                text: ctx.text[span.clone()].to_owned(),
                span,
                value: Some(r.value),
                kind: r.kind,
                currency: r.currency,
                spelled: r.spelled,
                approximate: approximate || round,
                round,
                alt_value: r.alt_ratio.map(|k| r.value * k),
            });
        }
        ctx.mark(prefix.as_ref().map_or(i, |p| p.0), end);
        i = end;
    }
    out
}

struct WordQuantity {
    quantity: Quantity,
    span_end_token: usize,
}

/// Vague quantities (`mehrere`, `dozens`) and ordinal words (`dritte`, `third`).
fn other_word_quantity(ctx: &mut Ctx, i: usize) -> Option<WordQuantity> {
    let t = &ctx.toks[i];
    if t.kind != TokKind::Word {
        return None;
    }
    let lower_or_first = t.is_lowercase(ctx.text) || Some(i) == ctx.first;
    let make = |ctx: &Ctx, end: usize, value: Option<f64>, kind: QuantityKind| {
        let span = span_of(&ctx.toks, i, end);
        WordQuantity {
            quantity: Quantity {
                text: ctx.text[span.clone()].to_owned(),
                span,
                value,
                kind,
                currency: None,
                spelled: true,
                approximate: false,
                round: false,
                alt_value: None,
            },
            span_end_token: end,
        }
    };
    if let Some((len, ())) = ctx.lex.vague.match_at(&ctx.toks, i)
        && !(i..i + len).any(|k| ctx.used[k])
    {
        ctx.mark(i, i + len);
        return Some(make(ctx, i + len, None, QuantityKind::Vague));
    }
    if lower_or_first && let Some((1, v)) = ctx.lex.ordinals.match_at(&ctx.toks, i) {
        // `a third of`, `zwei Drittel`: a fraction, not a rank.
        let after_number = i > 0
            && (ctx.lex.article_numbers.match_at(&ctx.toks, i - 1).is_some()
                || ctx.lex.words.match_at(&ctx.toks, i - 1).is_some()
                || (ctx.toks[i - 1].is_punct('-') && ctx.toks[i].glued()));
        if !after_number {
            ctx.mark(i, i + 1);
            return Some(make(ctx, i + 1, Some(v), QuantityKind::Ordinal));
        }
    }
    None
}
