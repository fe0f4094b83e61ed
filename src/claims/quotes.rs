//! Quotations: spans between the quotation marks of the language's pairs („…“, “…”, »…«, «…», "…",
//! ‚…‘, ‘…’), with their word count.
//!
//! In: the sentence text and the pack's quote pairs. Out: [`Quote`]s (speaker filled in later by
//! `attributions`). A quotation that runs over several sentences leaves an opening mark without its
//! closer (the quote runs to the end of the sentence) or a closing mark without its opener (from the
//! start); single marks that are also apostrophes (`Putin's`, `’s`) count only at word edges. In a pack
//! with `spaced_quotes` (French `« … »`), the space inside a mark (normal, no-break or narrow no-break)
//! is allowed for the marks that are neither straight nor apostrophes.

use super::Quote;
use super::lexicon::Lexicon;
use super::tokens::{TokKind, tokenize};

/// Pairs used when a pack lists none: the common marks of Latin and Cyrillic writing.
const FALLBACK: &[(char, char)] = &[('“', '”'), ('„', '“'), ('«', '»'), ('»', '«'), ('"', '"')];

fn is_apostrophe_like(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '‚')
}

/// True for a mark that may stand with a space inside it in a `spaced_quotes` pack: not a straight
/// mark, not one that is also an apostrophe.
fn spaceable(c: char, spaced: bool) -> bool {
    spaced && !(c == '"' || is_apostrophe_like(c))
}

/// Punctuation that follows a quotation's end and never starts one.
fn closing_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')')
}

/// Whether the mark at `at` may open a quote: not inside a word, and followed by something (after the
/// space inside the mark, for a spaced mark).
fn can_open(chars: &[(usize, char)], k: usize, spaced: bool) -> bool {
    let prev = k.checked_sub(1).map(|p| chars[p].1);
    let mut next = chars.get(k + 1).map(|x| x.1);
    if spaceable(chars[k].1, spaced) && next.is_some_and(char::is_whitespace) {
        next = chars.get(k + 2).map(|x| x.1);
    }
    let prev_ok = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p) || !p.is_alphanumeric());
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    if is_apostrophe_like(chars[k].1) || chars[k].1 == '"' {
        // A straight mark before closing punctuation closes (`investigation ",`).
        prev.is_none_or(|p| !p.is_alphanumeric()) && next_ok && !next.is_some_and(closing_punct)
    } else {
        prev_ok && next_ok
    }
}

/// Whether the mark at `k` may close a quote: not followed by a letter when it could be an apostrophe.
fn can_close(chars: &[(usize, char)], k: usize, spaced: bool) -> bool {
    let mut prev = k.checked_sub(1).map(|p| chars[p].1);
    if spaceable(chars[k].1, spaced) && prev.is_some_and(char::is_whitespace) {
        prev = k.checked_sub(2).map(|p| chars[p].1);
    }
    let next = chars.get(k + 1).map(|x| x.1);
    let mut prev_ok = prev.is_some_and(|p| !p.is_whitespace());
    // A straight double mark after a stray space closes when punctuation or nothing follows it.
    if chars[k].1 == '"' && next.is_none_or(closing_punct) {
        prev_ok = prev.is_some();
    }
    if is_apostrophe_like(chars[k].1) || chars[k].1 == '"' {
        prev_ok && next.is_none_or(|n| !n.is_alphanumeric())
    } else {
        prev_ok
    }
}

fn make(text: &str, start: usize, end: usize, inner_start: usize, inner_end: usize) -> Option<Quote> {
    let inner = text.get(inner_start..inner_end)?.trim();
    let words = tokenize(inner).iter().filter(|t| t.kind != TokKind::Punct).count();
    (words > 0).then(|| Quote {
        span: start..end,
        text: inner.to_owned(),
        words,
        continues: false,
        gloss: false,
        speaker: None,
    })
}

/// Extracts the quotations of a sentence.
pub fn extract(text: &str, lex: &Lexicon) -> Vec<Quote> {
    let pairs: &[(char, char)] = if lex.quote_pairs.is_empty() { FALLBACK } else { &lex.quote_pairs };
    let spaced = lex.pack.claims.spaced_quotes;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k + 1).map_or(text.len(), |x| x.0);
    let mut out = Vec::new();
    let mut seen_mark = false;
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let closers: Vec<char> = pairs.iter().filter(|p| p.0 == c).map(|p| p.1).collect();
        if !closers.is_empty() && can_open(&chars, k, spaced) {
            // A quotation inside a quotation in the same guillemets (`« Sécurité (« Transport Layer
            // Security ») »`) closes at its own mark: count the openers on the way.
            // Only guillemets: German and English nest other marks (`„… ‚…‘ …“`), and a stray opener there
            // is more likely a missing closer.
            let nests = c == '«' && !closers.contains(&c);
            let mut depth = 0usize;
            let found = (k + 1..chars.len())
                .find(|&j| {
                    if nests && chars[j].1 == c && can_open(&chars, j, spaced) {
                        depth += 1;
                        return false;
                    }
                    let closes = closers.contains(&chars[j].1) && can_close(&chars, j, spaced);
                    if closes && depth > 0 {
                        depth -= 1;
                        return false;
                    }
                    closes
                })
                // Unbalanced (`« « condition »`, a doubled mark): the first closer, as without nesting.
                .or_else(|| {
                    (k + 1..chars.len())
                        .find(|&j| closers.contains(&chars[j].1) && can_close(&chars, j, spaced))
                });
            if let Some(j) = found {
                out.extend(make(text, at, end_of(j), end_of(k), chars[j].0));
                seen_mark = true;
                k = j + 1;
                continue;
            }
            // An opening mark whose quote goes on in the next sentence; a straight or single mark only
            // when it opens the sentence, where it cannot be anything else.
            // A straight double mark after a colon or comma and a space (`sagte: "Wir…`, `saying, "I…`)
            // opens too: a closing mark stands right after the quoted words.
            let after_colon =
                c == '"' && k >= 2 && chars[k - 1].1.is_whitespace() && matches!(chars[k - 2].1, ':' | ',');
            let unambiguous = !(c == '"' || is_apostrophe_like(c))
                || after_colon
                || chars[..k].iter().all(|x| x.1.is_whitespace());
            if unambiguous {
                // Opened inside a parenthesis, it ends with it at the latest (`AWStats (estadísticas web
                // avanzadas: «Advanced Web Statistics) para…`, its closing mark forgotten).
                let open_parens = |s: &str| s.matches('(').count() as isize - s.matches(')').count() as isize;
                let mut depth = 0isize;
                let paren_end = (open_parens(&text[..at]) > 0)
                    .then(|| {
                        chars[k + 1..].iter().find(|&&(_, ch)| {
                            depth += isize::from(ch == '(') - isize::from(ch == ')');
                            depth < 0
                        })
                    })
                    .flatten()
                    .map(|&(p, _)| p);
                match paren_end {
                    Some(p) => {
                        out.extend(make(text, at, p, end_of(k), p));
                        k = chars.partition_point(|x| x.0 < p);
                        seen_mark = true;
                        continue;
                    }
                    None => {
                        out.extend(make(text, at, text.len(), end_of(k), text.len()));
                        break;
                    }
                }
            }
        }
        // A straight mark closes a quote from an earlier sentence only when it has no partner here.
        let odd_straight = c == '"' && pairs.iter().any(|p| p.0 == '"') && text.matches('"').count() % 2 == 1;
        let is_closer = pairs.iter().any(|p| p.1 == c && p.0 != c) || odd_straight;
        if is_closer && !seen_mark && !is_apostrophe_like(c) && can_close(&chars, k, spaced) {
            // The end of a quotation that began in an earlier sentence.
            out.extend(make(text, 0, end_of(k), 0, at).map(|q| Quote { continues: true, ..q }));
            seen_mark = true;
        }
        if !closers.is_empty() || is_closer {
            seen_mark = true;
        }
        k += 1;
    }
    for q in &mut out {
        q.gloss = gloss(text, &q.span);
    }
    out
}

/// Quotation marks of any language.
const QUOTE_MARKS: &str = "\"“”„«»‹›'‘’‚";

/// An acronym: two capital letters or more and no small ones (`TLS`, `XSL-FO`, `DAM`).
fn acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Whether the quotation at `span` is a gloss, not someone's words: it opens a parenthesis
/// (`ASCII („American Standard Code for Information Interchange“)`, a term's other-language form or
/// expansion); or a parenthesis right after it starts with an acronym and the sentence goes on
/// (`« Transport Layer Security » (TLS) ou…`, `«…» («DAM» por sus siglas…)`); or it follows an acronym
/// and an opening parenthesis with at most two small words between (`FAI (siglas de «…»`). Not an acronym
/// before a comma or colon: `told CNN: "We…"` quotes a speaker.
fn gloss(text: &str, span: &std::ops::Range<usize>) -> bool {
    let mut before = text[..span.start].trim_end();
    for stripped in 0..=2 {
        if let Some(head) = before.strip_suffix('(') {
            let word = head.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
            if stripped == 0 || acronym(word.trim_matches(|c: char| !c.is_alphanumeric())) {
                return true;
            }
            break;
        }
        let Some((head, word)) = before.rsplit_once(char::is_whitespace) else { break };
        if word.is_empty() || !word.chars().all(char::is_lowercase) {
            break;
        }
        before = head.trim_end();
    }
    let after = text[span.end..].trim_start();
    let Some(inner) = after.strip_prefix('(') else { return false };
    // A term followed by its quoted gloss (`« norme de hiérarchie … » (« Filesystem Hierarchy Standard »)`).
    if inner.trim_start().starts_with(|c: char| QUOTE_MARKS.contains(c)) {
        return true;
    }
    let inner = inner.trim_start_matches(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(c));
    let word: String = inner.chars().take_while(|c| c.is_alphanumeric() || *c == '-').collect();
    let rest = &inner[word.len()..];
    acronym(&word) && rest.chars().any(char::is_alphanumeric)
}
