//! Attributions: the cue that reports a claim (`sagte`, `said`, `laut`, `according to`, `zufolge`,
//! `teilte … mit`, German Konjunktiv I) and the source phrase it names.
//!
//! In: the sentence's tokens (with the tokens of dates and numbers marked, which end a source phrase)
//! and the sentence's quotations (cues inside a quotation are the quoted speaker's words, not the
//! article's). Out: [`Attribution`]s; their sources' entity keys are filled in by the caller once
//! entities are known. The source is found without parsing: the phrase next to the cue, made of
//! determiners, a few lower-case modifiers, capitalised words and the pack's link words (`des`, `of`,
//! `in`), stopping at punctuation, dates, numbers and the pack's stop words. A verb looks for its source
//! before it (`the Defence Ministry in Moscow said`) unless it follows a comma, a quotation or nothing,
//! or nothing fits there (`„…“, sagte Malerius`, `Das teilte die Präfektur mit`).

use std::ops::Range;

use super::tokens::{TokKind, fold, span_of};
use super::{Attribution, AttributionKind, Ctx, Quote, Source};

/// The longest single-token-or-phrase match of a word set at `k`, as a bool.
fn is(set: &super::tokens::PhraseSet<()>, ctx: &Ctx, k: usize) -> bool {
    set.match_at(&ctx.toks, k).is_some_and(|(len, ())| len == 1)
}

struct Np<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// Tokens taken by dates and numbers: they end a source.
    stop_used: &'c [bool],
}

impl Np<'_, '_> {
    fn word(&self, k: usize) -> bool {
        self.ctx.toks.get(k).is_some_and(|t| t.kind == TokKind::Word) && !self.stop_used[k]
    }

    fn capital(&self, k: usize) -> bool {
        self.word(k) && self.ctx.toks[k].is_capitalised(self.ctx.text)
    }

    fn stop(&self, k: usize) -> bool {
        let lex = self.ctx.lex;
        self.stop_used[k]
            || (is(&lex.source_stops, self.ctx, k) && !self.capital(k))
            || lex.attribution_verbs.match_at(&self.ctx.toks, k).is_some()
            || lex.attribution_before.match_at(&self.ctx.toks, k).is_some()
            || is(&lex.negations, self.ctx, k)
    }

    /// A glued hyphen inside a name (`Nagorno-Karabakh`, `US-Gesandtschaft`).
    fn inner_hyphen(&self, k: usize) -> bool {
        let t = &self.ctx.toks;
        t[k].is_punct('-') && t[k].glued() && t.get(k + 1).is_some_and(|n| n.glued()) && k > 0
    }

    /// The source phrase ending right before token `end`.
    fn backward(&self, end: usize) -> Option<Range<usize>> {
        let lex = self.ctx.lex;
        // Skip a time or adverb between the source and its verb (`die Küstenwache am Freitag mitteilte`,
        // `police on Thursday said`).
        let mut end = end;
        let mut skipped = 0;
        while end > 0
            && skipped < 4
            && self.ctx.toks[end - 1].kind != TokKind::Punct
            && (self.stop_used[end - 1]
                || is(&lex.source_stops, self.ctx, end - 1)
                || is(&lex.source_links, self.ctx, end - 1))
            && !is(&lex.negations, self.ctx, end - 1)
        {
            end -= 1;
            skipped += 1;
        }
        if skipped > 0 && !(self.stop_used[end..end + skipped].iter().any(|u| *u)) {
            // Only a date or time is skipped over, not plain stop words (`that`, `und`).
            end += skipped;
        }
        let mut k = end;
        let mut head = false;
        let mut lower = 0;
        let mut start = end;
        while k > 0 {
            let p = k - 1;
            let t = &self.ctx.toks[p];
            if t.kind == TokKind::Punct {
                if self.inner_hyphen(p) && head {
                    k = p;
                    continue;
                }
                break;
            }
            if is(&lex.pronouns, self.ctx, p) && !head {
                start = p;
                head = true;
                break;
            }
            if is(&lex.determiners, self.ctx, p) {
                if !head {
                    break;
                }
                start = p;
                // `a spokesman for the ministry`: go on past a link word.
                if p > 0 && is(&lex.source_links, self.ctx, p - 1) && self.word(p.saturating_sub(2)) {
                    k = p - 1;
                    start = p - 1;
                    continue;
                }
                break;
            }
            if is(&lex.source_links, self.ctx, p) && !self.capital(p) {
                if !head || p == 0 || !self.word(p - 1) || self.stop(p - 1) {
                    break;
                }
                k = p;
                continue;
            }
            if self.stop(p) {
                break;
            }
            if self.capital(p) {
                if Some(p) == self.ctx.first && is(&lex.not_names, self.ctx, p) {
                    break;
                }
                head = true;
                start = p;
                k = p;
                continue;
            }
            // In a language that capitalises nouns, a lower-case word right after a capitalised one is a
            // verb or the end of another phrase (`Fischer aus Nordkorea sind Medien zufolge`).
            let after_capital =
                lex.noun_capitals && p > 0 && self.capital(p - 1) && !is(&lex.determiners, self.ctx, p - 1);
            if self.word(p) && lower < 3 && !after_capital {
                lower += 1;
                head = true;
                start = p;
                k = p;
                continue;
            }
            break;
        }
        // Drop a leading link word (`in Moscow` left over), unless it is also an article (`der`).
        while start < end
            && is(&lex.source_links, self.ctx, start)
            && !is(&lex.determiners, self.ctx, start)
            && !self.capital(start)
        {
            start += 1;
        }
        (head && start < end).then_some(start..end)
    }

    /// The source phrase starting at token `start`.
    fn forward(&self, start: usize) -> Option<Range<usize>> {
        let lex = self.ctx.lex;
        let toks = &self.ctx.toks;
        if start >= toks.len() || self.stop_used[start] {
            return None;
        }
        if is(&lex.pronouns, self.ctx, start) {
            return Some(start..start + 1);
        }
        let mut k = start;
        let mut end = start;
        let mut head = false;
        let mut lower = 0;
        while k < toks.len() {
            let t = &toks[k];
            if t.kind == TokKind::Punct {
                if self.inner_hyphen(k) && head {
                    k += 1;
                    continue;
                }
                break;
            }
            // A date before the source (`según ha informado este jueves el instituto`): start after it,
            // with the word that introduces it (`este`, `am`).
            if !head && self.stop_used[k] {
                let after = (k..toks.len()).find(|&a| !self.stop_used[a]).unwrap_or(toks.len());
                return self.forward(after);
            }
            if !head
                && self.stop(k)
                && let Some(d) = (k + 1..(k + 3).min(toks.len())).find(|&d| self.stop_used[d])
            {
                let after = (d..toks.len()).find(|&a| !self.stop_used[a]).unwrap_or(toks.len());
                return self.forward(after);
            }
            // `zum`, `am`: contractions that start an adverbial, not a source.
            if is(&lex.determiners, self.ctx, k) && !head && !self.stop(k) {
                k += 1;
                continue;
            }
            // `von Fridays for Future`: a link word before the head is no part of the source.
            if !head && k == start && is(&lex.source_links, self.ctx, k) && !is(&lex.determiners, self.ctx, k)
            {
                return self.forward(k + 1);
            }
            if head && is(&lex.source_links, self.ctx, k) && !self.capital(k) {
                // Only when a noun phrase follows.
                let next = k + 1;
                let fits = self.capital(next)
                    || (is(&lex.determiners, self.ctx, next)
                        && (self.capital(next + 1) || self.word(next + 1)))
                    || (!lex.noun_capitals && self.word(next) && !self.stop(next));
                if !fits || self.stop_used.get(next).copied().unwrap_or(true) {
                    break;
                }
                k += 1;
                continue;
            }
            if self.stop(k) {
                break;
            }
            if self.capital(k) {
                head = true;
                k += 1;
                end = k;
                continue;
            }
            if self.word(k) && lower < 3 {
                // In a language that capitalises nouns, lower-case words are adjectives: only before the
                // head noun. English ones may be nouns (`media reports`).
                let before_noun = !head && (self.capital(k + 1) || (self.word(k + 1) && !self.stop(k + 1)));
                // And inflected like adjectives (`ranghoher`), which `via` or `gegen` are not.
                let inflected = lex.adjective_endings.is_empty()
                    || lex.adjective_endings.iter().any(|e| toks[k].lower.ends_with(e.as_str()));
                if lex.noun_capitals && !(before_noun && inflected) {
                    break;
                }
                lower += 1;
                k += 1;
                if !lex.noun_capitals {
                    head = true;
                    end = k;
                }
                continue;
            }
            break;
        }
        // A name in apposition closing the sentence is the source too (`sagte der Chef des Ausschusses,
        // Adam Schiff.`, `said the head of the committee, Adam Schiff.`).
        if head && toks.get(end).is_some_and(|t| t.is_punct(',')) {
            let mut k = end + 1;
            let mut words = 0;
            while k < toks.len() && (self.capital(k) || (words > 0 && self.inner_hyphen(k))) {
                words += usize::from(self.capital(k));
                k += 1;
            }
            if words >= 2 && toks[k..].iter().all(|t| t.kind == TokKind::Punct) {
                end = k;
            }
        }
        (head && end > start).then_some(start..end)
    }
}

/// A lead word and a compound noun that names its source (`nach Behördenangaben`, `nach IAEA-Angaben`,
/// `nach italienischen Medienberichten`): returns the token after the compound.
fn compound_cue(ctx: &Ctx, i: usize) -> Option<usize> {
    let lex = ctx.lex;
    let toks = &ctx.toks;
    if lex.compound_cue_endings.is_empty()
        || !is(&lex.compound_cue_leads, ctx, i)
        || !toks[i].is_lowercase(ctx.text) && Some(i) != ctx.first
    {
        return None;
    }
    let mut k = i + 1;
    if toks.get(k).is_some_and(|t| t.kind == TokKind::Word && t.is_lowercase(ctx.text)) {
        k += 1;
    }
    // A hyphenated compound (`IAEA-Angaben`) ends at its last part, which may be the ending alone.
    let mut hyphenated = false;
    while toks.get(k + 2).is_some() && toks[k + 1].is_punct('-') && toks[k + 1].glued() && toks[k + 2].glued()
    {
        k += 2;
        hyphenated = true;
    }
    let t = toks.get(k)?;
    let ok = t.kind == TokKind::Word
        && t.is_capitalised(ctx.text)
        && lex
            .compound_cue_endings
            .iter()
            .any(|e| t.lower.ends_with(e.as_str()) && (hyphenated || t.lower.len() > e.len() + 2));
    ok.then_some(k + 1)
}

/// Whether a source phrase names a standard rather than a source: one of the pack's `standards` among
/// its words before the first source link (`the nature` of `the nature of the device`).
fn standard(ctx: &Ctx, source: &Range<usize>) -> bool {
    let lex = ctx.lex;
    !lex.standards.is_empty()
        && (source.start..source.end)
            .take_while(|&k| k == source.start || !is(&lex.source_links, ctx, k))
            .any(|k| ctx.toks[k].kind == TokKind::Word && lex.standards.contains(&fold(&ctx.toks[k].lower)))
}

fn inside(quotes: &[Quote], span: &Range<usize>) -> bool {
    quotes.iter().any(|q| q.span.start < span.start && span.end <= q.span.end)
}

/// Extracts the attributions of a sentence. `stop_used` marks the tokens of dates and numbers.
pub fn extract(ctx: &Ctx, stop_used: &[bool], quotes: &[Quote]) -> Vec<Attribution> {
    let lex = ctx.lex;
    let toks = &ctx.toks;
    let np = Np { ctx, stop_used };
    let mut out = Vec::new();
    // An attribution from the token range of its cue and, if found, of its source.
    let make = |kind: AttributionKind, cue: Range<usize>, src: Option<Range<usize>>| {
        let span = span_of(toks, cue.start, cue.end);
        let source = src.map(|r| {
            let span = span_of(toks, r.start, r.end);
            Source { text: ctx.text[span.clone()].to_owned(), span, entity_keys: Vec::new() }
        });
        Attribution { cue: ctx.text[span.clone()].to_owned(), span, kind, source }
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != TokKind::Word || inside(quotes, &t.span) || stop_used[i] {
            i += 1;
            continue;
        }
        let after_break = i == 0
            || Some(i) == ctx.first
            || toks[i - 1].kind == TokKind::Punct && !toks[i - 1].is_punct('-')
            || inside(quotes, &toks[i - 1].span)
            // `según ha informado X`, `as reported by`: the verb follows a cue, its source comes after.
            || super::numbers::phrase_before(&lex.attribution_before, toks, i).is_some();
        if let Some((len, ())) = lex.attribution_before.match_at(toks, i) {
            let src = np.forward(i + len);
            // `according to your needs`, `selon le cas`: a standard, not a source.
            if src.as_ref().is_some_and(|r| standard(ctx, r)) {
                i += len;
                continue;
            }
            // A one-word cue needs its source: German `laut` is also "loud" (`laut werden`, voiced).
            // A cue whose verb follows (`secondo quanto riferito da X`) is that verb's attribution.
            let verb_follows = lex.attribution_verbs.match_at(toks, i + len).is_some();
            if (len > 1 && !verb_follows) || src.is_some() {
                out.push(make(AttributionKind::Phrase, i..i + len, src));
                i += len;
                continue;
            }
        }
        if let Some(end) = compound_cue(ctx, i) {
            out.push(make(AttributionKind::Phrase, i..end, Some(end - 1..end)));
            i = end;
            continue;
        }
        if let Some((len, ())) = lex.attribution_after.match_at(toks, i) {
            out.push(make(AttributionKind::Phrase, i..i + len, np.backward(i)));
            i += len;
            continue;
        }
        if let Some((len, ())) = lex.clause_cues.match_at(toks, i)
            && i > 0
            && (toks[i - 1].is_punct(',')
                || inside(quotes, &toks[i - 1].span)
                || toks[i - 1].kind == TokKind::Punct)
            && t.is_lowercase(ctx.text)
            && let Some(src) = np.forward(i + len)
            && (toks.get(src.end).is_none_or(|n| n.kind == TokKind::Punct)
                || lex.attribution_before.match_at(toks, src.end).is_some())
        {
            out.push(make(AttributionKind::Phrase, i..i + len, Some(src)));
            i += len;
            continue;
        }
        let particle_later = |set: &super::tokens::PhraseSet<Vec<String>>| {
            set.match_at(toks, i).is_some_and(|(len, particles)| {
                toks[i + len..].iter().any(|t| particles.contains(&t.lower) && !inside(quotes, &t.span))
            })
        };
        // `ont ajouté plusieurs traversées`: a verb of adding with a counted object reports nothing.
        let counted_object = |len: usize| {
            lex.object_verbs.match_at(toks, i).is_some_and(|(l, ())| l == len)
                && !after_break
                && toks.get(i + len).is_some_and(|n| {
                    n.kind == TokKind::Digits
                        || lex.vague.match_at(toks, i + len).is_some()
                        || lex.words.match_at(toks, i + len).is_some()
                })
        };
        let verb = lex
            .attribution_verbs
            .match_at(toks, i)
            .map(|(len, ())| len)
            .filter(|&len| !counted_object(len))
            .filter(|_| !particle_later(&lex.split_non_cues))
            .or_else(|| {
                let (len, particles) = lex.split_verbs.match_at(toks, i)?;
                let later =
                    toks[i + len..].iter().any(|t| particles.contains(&t.lower) && !inside(quotes, &t.span));
                later.then_some(len)
            });
        if let Some(len) = verb
            && (t.is_lowercase(ctx.text) || Some(i) == ctx.first)
        {
            let back = || if after_break { None } else { np.backward(i) };
            // Verb-second languages name the subject after the verb as often as before it
            // (`Im Gespräch erklärte Malerius`); the phrase after it wins when there is one.
            // But a phrase filling everything before the verb is its subject (`Der Slawist nennt`).
            let src = if lex.pack.claims.verb_second {
                match back() {
                    Some(b) if Some(b.start) == ctx.first => Some(b),
                    b => np.forward(i + len).or(b),
                }
            } else if after_break {
                np.forward(i + len)
            } else {
                // After the verb stands its object (`warned against aftershocks`), not its source.
                back()
            };
            out.push(make(AttributionKind::Verb, i..i + len, src));
            i += len;
            continue;
        }
        i += 1;
    }
    // Konjunktiv I reports speech on its own; counted once, and only where no cue did already.
    if out.is_empty()
        && let Some(k) = (0..toks.len()).find(|&k| {
            toks[k].kind == TokKind::Word
                && toks[k].is_lowercase(ctx.text)
                && !inside(quotes, &toks[k].span)
                && is(&lex.reported_speech, ctx, k)
        })
    {
        out.push(make(AttributionKind::ReportedSpeech, k..k + 1, None));
    }
    out
}
