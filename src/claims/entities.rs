//! Named entities: names from the cross-language table first (`known`), then capitalised sequences that
//! look like names (`Stephan Malerius`), with a cross-language key.
//!
//! In: the sentence's tokens (dates and numbers already taken). Out: [`Entity`]s. German capitalises every
//! noun, so in a pack with `noun_capitals` a single capitalised word is a name only on positive evidence:
//! it follows a title or apposition noun (`Präsident Putin`, `Sprecher Neugebauer`) or a source cue
//! (`laut Malerius`), and it is not sentence-initial, not after an article or inflected adjective, and
//! does not end like a common noun (`-ung`, `-heit`, ...). A lone word right after a place preposition
//! (`bei Schmilka`) that the language's bundled lexicon does not know is a place. Title-case headlines
//! yield table names only.

use super::lexicon::Lexicon;
use super::names::{fold_name, table};
use super::tokens::{TokKind, Token, span_of};
use super::{Ctx, Entity, EntityKind};

/// Whether token `k` is a title (`Präsident`, or in a noun-capitalising language a compound ending in
/// one: `Polizeisprecher`, `US-Präsident`).
fn is_title(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.toks[k];
    if t.kind != TokKind::Word {
        return false;
    }
    if ctx.lex.titles.match_at(&ctx.toks, k).is_some_and(|(len, ())| len == 1) {
        return true;
    }
    ctx.lex.noun_capitals
        && t.is_capitalised(ctx.text)
        && ctx.lex.title_words.iter().any(|w| t.lower.len() > w.len() + 2 && t.lower.ends_with(w.as_str()))
}

fn is_not_name(lex: &Lexicon, toks: &[Token], k: usize) -> bool {
    lex.not_names.match_at(toks, k).is_some_and(|(len, ())| len == 1)
}

/// Extracts the entities of a sentence.
pub fn extract(ctx: &mut Ctx) -> Vec<Entity> {
    let lex = ctx.lex;
    let names = table();
    let headline = super::title_case(ctx);
    let mut out = Vec::new();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if ctx.used[i] || ctx.toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        if let Some(m) =
            names.match_at(ctx.text, &ctx.toks, i, &lex.pack.code, &lex.name_endings, &lex.adjective_prefixes)
        {
            // A lower-case table form (a German adjective) must take an adjective ending or none.
            let span = span_of(&ctx.toks, i, i + m.len);
            out.push(Entity {
                text: ctx.text[span.clone()].to_owned(),
                span,
                key: m.key,
                kind: m.kind,
                known: true,
            });
            ctx.mark(i, i + m.len);
            i += m.len;
            continue;
        }
        if headline || !ctx.toks[i].is_capitalised(ctx.text) {
            i += 1;
            continue;
        }
        let (end, entity) = unknown_at(ctx, i);
        if let Some(e) = entity {
            out.push(e);
        }
        i = end.max(i + 1);
    }
    out
}

/// Reads a run of capitalised words at `i` and decides whether it is a name. Returns where the run ends.
fn unknown_at(ctx: &mut Ctx, i: usize) -> (usize, Option<Entity>) {
    let lex = ctx.lex;
    let toks = &ctx.toks;
    let names = table();
    // The run: capitalised words, joined by glued hyphens, initials (`Mohammed C.`) and a few particles
    // between capitals (`University of Warwick`, `Ludwig van Beethoven`).
    let mut words: Vec<usize> = Vec::new();
    let mut j = i;
    while j < toks.len() && !ctx.used[j] {
        let t = &toks[j];
        if t.kind == TokKind::Word && t.is_capitalised(ctx.text) {
            if names
                .match_at(ctx.text, toks, j, &lex.pack.code, &lex.name_endings, &lex.adjective_prefixes)
                .is_some()
                && !words.is_empty()
            {
                break;
            }
            words.push(j);
            j += 1;
            // An initial: `C.`
            if t.lower.chars().count() == 1
                && toks.get(j).is_some_and(|p| p.is_punct('.') && p.glued())
                && toks.get(j + 1).is_some_and(|n| n.is_capitalised(ctx.text))
            {
                j += 1;
            }
            continue;
        }
        let joins = (t.is_punct('-') && t.glued())
            || (t.kind == TokKind::Word
                && matches!(t.lower.as_str(), "of" | "van" | "von" | "de" | "al" | "el" | "bin"));
        if joins
            && !words.is_empty()
            && toks.get(j + 1).is_some_and(|n| n.is_capitalised(ctx.text) && !ctx.used[j + 1])
        {
            j += 1;
            continue;
        }
        break;
    }
    let end = j;
    if words.is_empty() {
        return (end, None);
    }
    // Drop leading function words, titles and (in German) leading common nouns.
    let mut start = 0;
    let mut after_title = false;
    // The words of a glued hyphen compound starting at `words[s]` (`Linken-Bundestagsabgeordnete`).
    let compound_end = |s: usize| {
        let mut e = s;
        while e + 1 < words.len()
            && words[e + 1] == words[e] + 2
            && toks[words[e] + 1].is_punct('-')
            && toks[words[e] + 1].glued()
        {
            e += 1;
        }
        e
    };
    while start < words.len() {
        let k = words[start];
        let ce = compound_end(start);
        if is_not_name(lex, toks, k) || lex.determiners.match_at(toks, k).is_some_and(|(l, ())| l == 1) {
            start += 1;
        } else if lex.noun_capitals && ce > start && ce + 1 < words.len() && is_title(ctx, words[ce]) {
            // A compound ending in a title (`Linken-Bundestagsabgeordnete Martina Renner`).
            after_title = true;
            start = ce + 1;
        } else if is_title(ctx, k) {
            after_title = true;
            start += 1;
        } else if lex.noun_capitals && start + 1 < words.len() && looks_like_noun(ctx, k) {
            // `Stadt Rouen`, `Unternehmen Lubrizol`: an apposition noun before a name.
            after_title = true;
            start += 1;
        } else {
            break;
        }
    }
    // And trailing common nouns in German (`Thomas-Cook-Pauschalurlauber`).
    let mut stop = words.len();
    while lex.noun_capitals && stop > start + 1 && looks_like_noun(ctx, words[stop - 1]) {
        stop -= 1;
    }
    if start >= stop {
        return (end, None);
    }
    let first = words[start];
    let mut last = words[stop - 1];
    // A code glued to digits is one name (`G20`, `A380`).
    if toks.get(last + 1).is_some_and(|d| d.kind == TokKind::Digits && d.glued()) {
        last += 1;
    }
    // A title just before the run, in any case (`police spokeswoman Katrin Ohlsen`).
    if first > 0 && is_title(ctx, first - 1) {
        after_title = true;
    }
    let count = stop - start;
    let sentence_initial = Some(first) == ctx.first;
    let after_cue = first > 0
        && (lex.attribution_before.match_at(toks, first - 1).is_some()
            || lex.attribution_verbs.match_at(toks, first - 1).is_some()
            || lex.clause_cues.match_at(toks, first - 1).is_some());
    let before_cue = lex.attribution_verbs.match_at(toks, last + 1).is_some()
        || lex.attribution_after.match_at(toks, last + 1).is_some();
    // After an article, or an article and an inflected adjective, a capitalised word is a noun
    // (`in der Nacht`, `der neuen Regierung`); verbs end like adjectives (`erklärte`), hence the article.
    // A capitalised article counts at the sentence start (`Die Festnahme meldete`), but not before an
    // adjective-like word there, where it is a pronoun (`Das erklärte Malerius`).
    let det = |k: usize, initial_ok: bool| {
        (toks[k].is_lowercase(ctx.text) || initial_ok && Some(k) == ctx.first)
            && lex.determiners.match_at(toks, k).is_some_and(|(l, ())| l == 1)
    };
    let after_article = first > 0
        && (det(first - 1, true)
            || (first > 1
                && det(first - 2, false)
                && toks[first - 1].is_lowercase(ctx.text)
                && lex.adjective_endings.iter().any(|e| toks[first - 1].lower.ends_with(e.as_str()))));
    // A lone word after a place preposition that the language's common words do not include
    // (`bei Schmilka`, not `bei Bedarf`).
    let after_place = count == 1
        && lex.noun_capitals
        && lex.common_words.is_some_and(|common| !common.knows(&toks[first].lower))
        && (1..=3).any(|back| {
            first >= back
                && lex.place_prepositions.match_at(toks, first - back).is_some_and(|(l, ())| l == back)
        });
    let accept = if count >= 2 {
        // Two capitalised words in a row: a name; in a noun-capitalising language only when neither
        // looks like a common noun and no article comes before them.
        !(lex.noun_capitals
            && (after_article && !after_title || words[start..stop].iter().any(|&k| looks_like_noun(ctx, k))))
    } else if lex.noun_capitals {
        !sentence_initial
            && !after_article
            && !looks_like_noun(ctx, first)
            && (after_title || after_cue || before_cue || after_place)
    } else {
        !sentence_initial || after_title
    };
    if !accept {
        return (end, None);
    }
    let span = span_of(toks, first, last + 1);
    let text = ctx.text[span.clone()].to_owned();
    let mut key = fold_name(&text);
    for e in &lex.name_endings {
        if e.starts_with('\'')
            && let Some(s) = key.strip_suffix(e.as_str())
        {
            key = s.to_owned();
        }
    }
    let institution = words[start..stop].iter().any(|&k| is_organisation_word(ctx, k));
    let kind = if institution {
        EntityKind::Organisation
    } else if after_place && !after_cue && !before_cue {
        EntityKind::Place
    } else if after_title && count >= 2 && toks[first..=last].iter().all(|t| t.kind == TokKind::Word) {
        EntityKind::Person
    } else {
        EntityKind::Name
    };
    ctx.mark(first, last + 1);
    (end, Some(Entity { span, text, key, kind, known: false }))
}

/// Whether token `k` marks an institution's name (`Committee`; in a noun-capitalising language also a
/// compound ending in such a word: `Gesundheitsministerium`).
fn is_organisation_word(ctx: &Ctx, k: usize) -> bool {
    let w = &ctx.toks[k].lower;
    ctx.lex
        .organisation_words
        .iter()
        .any(|o| w == o || (ctx.lex.noun_capitals && w.len() > o.len() + 2 && w.ends_with(o.as_str())))
}

/// A capitalised German word that is evidently a common noun: a title, a long compound, or a common
/// noun ending.
fn looks_like_noun(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.toks[k];
    if is_title(ctx, k) {
        return true;
    }
    let len = t.lower.chars().count();
    len > 13
        || ctx
            .lex
            .noun_suffixes
            .iter()
            .any(|s| t.lower.ends_with(s.as_str()) && (len > s.chars().count() + 1 || t.lower == *s))
}
