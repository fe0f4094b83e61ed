//! The name comparison shared by the three name rules.
//!
//! German capitalises every noun and English capitalises titles, so a capitalised word is weak evidence
//! of a name. A name takes part in the comparison only when it is *trusted*: it came from the names table
//! (`known`), or it is spelled the same somewhere in the other document (so it is a name that crosses
//! languages unchanged), or extraction typed it as a person, or it is a place that no word list knows (a
//! German word after `bei` or `nach` that neither the bundled lexicon nor the installed dictionary
//! lists). Before reporting a name as missing, the rule also searches the folded text of the aligned and
//! neighbouring translation sentences for it, so a name that extraction missed on one side is not an
//! accusation. A name the translation adds is reported only when the original names it nowhere, or when
//! it is a source of a claim: a translator who writes out a name given elsewhere resolves a reference.

use crate::align::Direction;
use crate::claims::{Entity, EntityKind, SentenceClaims, entity_matches};
use crate::compare::attributions::{self, AttributionChange};
use crate::compare::common::{
    any_cognate, around, bead_lost_quotes, cognate, content_words, fold, folded_orig, folded_trans,
    has_word_prefix, inside_quote, orig_items, plain_orig, plain_trans, shares_rendering, trans_items,
};
use crate::compare::quotes::MIN_WORDS;
use crate::compare::{BeadView, Context, Side};
use crate::index::{OrigIdx, TransIdx};
use crate::input::BlockKind;

type O<'a> = (OrigIdx, &'a Entity);
type T<'a> = (TransIdx, &'a Entity);

/// The differences in one bead.
#[derive(Debug, Default)]
pub(crate) struct NameDiff<'a> {
    pub changed: Vec<(O<'a>, T<'a>)>,
    pub missing: Vec<O<'a>>,
    pub added: Vec<T<'a>>,
}

/// Words of a name worth searching for on their own (surnames, the main word of a place).
fn search_terms(e: &Entity) -> Vec<String> {
    let mut terms = vec![fold(&e.key)];
    let folded = fold(&e.text);
    terms.push(folded.clone());
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 4) {
        terms.push(w.to_owned());
        // A German genitive (`WeWorks Neuverträge` / "WeWork's new contracts").
        if let Some(stem) = w.strip_suffix('s').filter(|s| s.len() >= 5) {
            terms.push(stem.to_owned());
        }
    }
    terms.retain(|t| t.len() >= 2);
    terms
}

/// Whether `term` (folded, one word) is written as two words in `text` (folded): `eurozone` as
/// `euro zone`, either part at least three letters, the second possibly inflected.
fn split_in(text: &str, term: &str) -> bool {
    if term.len() < 6 || !term.chars().all(char::is_alphanumeric) {
        return false;
    }
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|w| {
        w[0].len() >= 3
            && term.len() >= w[0].len() + 3
            && term.starts_with(w[0])
            && w[1].starts_with(&term[w[0].len()..])
    })
}

/// Whether `text` (folded) spells the entity itself as a word (its key or its text, with an ending of
/// one letter, two after six), for trusting a capitalised word as a name that crosses languages
/// unchanged. Not the looser search of [`found_in`]: `Wort` is not spelled in `worthy`, nor
/// `Asyl-Obergrenze` in `asylum`. A hyphenated compound is spelled by its head of five letters or more
/// (`Spider-Man-Filme` by `Spider-Man`); with `by_word`, a name of several words by any of them of four
/// letters or more (`CBS News` by `News`), which is trusted for the original's names only: a title-case
/// English phrase (`University Medical Center`) would be trusted by its words.
fn spelled_in(text: &str, e: &Entity, by_word: bool) -> bool {
    let mut terms = vec![fold(&e.key), fold(&e.text)];
    let text_folded = fold(&e.text);
    let mut head = text_folded.as_str();
    while let Some((h, _)) = head.rsplit_once('-') {
        head = h;
        if head.len() >= 5 {
            terms.push(head.to_owned());
        }
    }
    if by_word {
        let words: Vec<&str> =
            text_folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.len() > 1 {
            terms.extend(words.iter().filter(|w| w.len() >= 4).map(|w| (*w).to_owned()));
        }
    }
    terms.iter().filter(|t| t.len() >= 2).any(|t| {
        text.match_indices(t.as_str()).any(|(i, _)| {
            let start = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let tail = text[i + t.len()..].chars().take_while(|c| c.is_alphanumeric()).count();
            start && tail <= if t.len() >= 6 { 2 } else { 1 }
        })
    })
}

/// Whether `text` (folded) mentions the entity: its own words, or any form the names table gives its key
/// in any language, allowing an inflected ending (`tschechisch` is found in `tschechische`, `Warszaw`
/// in `Warszawy`).
pub(crate) fn found_in(text: &str, e: &Entity) -> bool {
    if search_terms(e).iter().any(|t| has_word_prefix(text, t) || split_in(text, t)) {
        return true;
    }
    crate::claims::names::table().forms_of(&e.key).iter().any(|form| {
        let form = fold(form);
        let chars: Vec<char> = form.chars().collect();
        // Drop up to two final letters (case and adjective endings) but keep at least four.
        let keep = chars.len().saturating_sub(2).max(4).min(chars.len());
        let stem: String = chars[..keep].iter().collect();
        has_word_prefix(text, &stem)
    })
}

/// Whether `e` looks like a person's full name (two to four capitalised words, none of them in capitals
/// only, not an institution) that the document `doc` (folded) does not contain in any spelling close to
/// it. A translated institution or office (`Interior Ministry`, `Green Party`) is kept out by the pack's
/// organisation words and by the cognates its words have in the original.
pub(crate) fn unknown_person(doc: &str, e: &Entity) -> bool {
    let words: Vec<&str> = e.text.split_whitespace().collect();
    let person_like = matches!(e.kind, EntityKind::Person | EntityKind::Name)
        && (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
        });
    person_like && !found_in(doc, e) && {
        let mine = content_words(&e.text);
        !mine.is_empty() && !any_cognate(&mine, &content_words(doc))
    }
}

/// Whether the entity is written with a letter its document's language does not use (`Mělník` in
/// German or English): a foreign name for certain (see the pack's `native_letters`), unless a word
/// close to it stands anywhere in `other` (folded), the other document (`Utöyan` for `Utøya`).
fn foreign(side: &Side<'_>, e: &Entity, other: &[String]) -> bool {
    let Some(native) = &side.language.pack.claims.native_letters else { return false };
    // Latin letters with diacritics only (`Ø` and `Δ` in a medical text are symbols), in a word.
    let latin = crate::claims::names::is_latin_accented;
    e.text.chars().next().is_some_and(char::is_uppercase)
        && e.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && e.text.chars().any(|c| latin(c) && !native.contains(c))
        && !any_cognate(&content_words(&e.text), other)
}

/// Whether the entity is a place extraction guessed (a lone word after `bei`, `nach`, unknown to the
/// bundled lexicon) that the loaded dictionary does not list among its language's words either, and
/// that has no close counterpart in `other`, the other document (folded): then it is a name for
/// certain. Without a dictionary a guess is not trusted: the bundled lexicon alone is too small to
/// tell a rare common noun (`in Aussicht`, `aus Spaß`) from a village.
fn unlisted_place(ctx: &Context<'_>, in_original: bool, e: &Entity, other: &[String]) -> bool {
    if e.kind != EntityKind::Place || e.known {
        return false;
    }
    let Some((dict, direction)) = &ctx.alignment.loaded else { return false };
    // The original's words are the headwords of a dictionary read forward.
    let as_headword = (*direction == Direction::Forward) == in_original;
    !dict.lists(&e.text.to_lowercase(), as_headword) && !any_cognate(&content_words(&e.text), other)
}

/// Whether installed spelling dictionaries say the entity is a name that crosses languages unchanged,
/// so that its absence from the other side is real. A word of it written with a capital and then lower
/// case only, of four letters or more (not `CFOs` or `PhD`, nor `PIB`, translated `GDP`; not `Esc`),
/// must be:
/// - unknown to the dictionary of its own language, as written and in lower case, and not two words it
///   knows written as one (`Bootloader`, `Photoshop`): a place or firm obscure enough to have no exonym
///   (`Coquelles`, `Zaventem`, `Estibas`); or
/// - listed by it with its capital only, and accepted as written by the other language's dictionary
///   too (`Terceira`): famous names are the ones with exonyms (`Sicily` / `Sizilien`, `Quran` /
///   `Koran`), and a capital-only word only one language lists is often one.
///
/// Not in a name with a word in capitals (`BEWARE Bootloader` is a label); only between documents in the
/// Latin script (a transliterated name is spelled differently anyway). Only in languages that do
/// not capitalise their nouns (a German noun is capital-only too), only when
/// the user has not turned installed word lists off, and only when the name has no close spelling in
/// `other_words` (the other document's content words) or in `bead_other` (the bead's other side as
/// written, whose words may begin as the name does: `Lublin` / `lubelskiego`), and renders none of its
/// words in `other_lang` by the bundled lexicon (`Christmas` / `Noël`). See [`crate::lang::spelling`].
fn spelled_as_name(
    ctx: &Context<'_>,
    (side, other): (&Side<'_>, &Side<'_>),
    e: &Entity,
    other_words: &[String],
    bead_other: &str,
) -> bool {
    if !ctx.alignment.spelling || e.known || side.language.pack.segment.noun_capitals {
        return false;
    }
    let capitalised = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 4
            && chars.all(char::is_lowercase)
    };
    // Between scripts a name is transliterated, and a spelling that differs says nothing (`Bruce
    // Schneier` / `Брюс Шнайер`).
    let latin =
        |c: char| !c.is_alphabetic() || c.is_ascii_alphabetic() || crate::claims::names::is_latin_accented(c);
    if !e.text.chars().all(latin) || !bead_other.chars().all(latin) {
        return false;
    }
    let words: Vec<&str> = e.text.split(|c: char| !c.is_alphabetic()).filter(capitalised).collect();
    // A word in capitals beside it makes a heading or a label (`BEWARE Bootloader`), not a name.
    let shouting = e.text.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
    });
    if words.is_empty() || shouting {
        return false;
    }
    let Some(own) = crate::lang::spelling::for_pack(side.language.pack) else { return false };
    let theirs = (!other.language.pack.segment.noun_capitals)
        .then(|| crate::lang::spelling::for_pack(other.language.pack))
        .flatten();
    let name = |w: &str| {
        own.capital_only(w)
            && (!own.accepts(w) && !own.compound(w) || theirs.as_ref().is_some_and(|t| t.accepts(w)))
    };
    let prefix = |w: &str| fold(w).chars().take(3).collect::<String>();
    let begins: Vec<String> = content_words(bead_other).iter().map(|w| prefix(w)).collect();
    words.iter().any(|w| name(w))
        && !words.iter().any(|w| begins.contains(&prefix(w)))
        && !content_words(&e.text).iter().any(|w| {
            // A close spelling is about as long: `Coquelles` is not `celle`.
            let n = w.chars().count();
            other_words.iter().any(|o| o.chars().count().abs_diff(n) <= 2 && cognate(w, o))
        })
        && !shares_rendering(&e.text, side.language.code, bead_other, other.language.code)
}

/// Whether the entity stands inside the source phrase of one of the sentence's attributions.
fn in_source(claims: &SentenceClaims, e: &Entity) -> bool {
    claims
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .any(|s| s.span.start <= e.span.start && e.span.end <= s.span.end)
}

/// Compares the names of a paired bead.
pub(crate) fn diff<'a>(ctx: &Context<'a>, view: BeadView<'a>) -> NameDiff<'a> {
    let bead = view.bead;
    // Names in a credit line (agencies, authors) are the credit rule's business.
    let o: Vec<O<'a>> = orig_items(ctx, bead, |c| &c.entities)
        .into_iter()
        .filter(|(i, _)| ctx.orig_claims(*i).credit.is_none())
        .collect();
    let t: Vec<T<'a>> = trans_items(ctx, bead, |c| &c.entities)
        .into_iter()
        .filter(|(i, _)| ctx.trans_claims(*i).credit.is_none())
        .collect();
    let range = around(ctx, view.index);
    // A headline repeats what the text says: the text's names are not looked for in it.
    let heading = |b: &crate::align::Bead| {
        b.original.iter().any(|i| ctx.original.sentences[i.0].kind == BlockKind::Heading)
            || b.translation.iter().any(|i| ctx.translation.sentences[i.0].kind == BlockKind::Heading)
    };
    let beads: Vec<&crate::align::Bead> =
        ctx.alignment.beads[range].iter().filter(|b| heading(bead) || !heading(b)).collect();
    let trans_text: String = beads.iter().map(|b| folded_trans(ctx, b)).collect::<Vec<_>>().join(" ");
    let orig_text: String = beads.iter().map(|b| folded_orig(ctx, b)).collect::<Vec<_>>().join(" ");
    let trans_doc = ctx.translation_folded();
    let lost_quote = bead_lost_quotes(ctx, bead);
    let t_plain = std::cell::OnceCell::new();
    let shortened = crate::compare::quotes::shortened(ctx, view);
    let orig_doc = ctx.original_folded();

    let o_plain = std::cell::OnceCell::new();
    let o_trusted = |e: &Entity| {
        e.known
            || e.kind == EntityKind::Person
            || spelled_in(trans_doc, e, true)
            || unlisted_place(ctx, true, e, ctx.translation_words())
            || foreign(&ctx.original, e, ctx.translation_words())
            || spelled_as_name(
                ctx,
                (&ctx.original, &ctx.translation),
                e,
                ctx.translation_words(),
                t_plain.get_or_init(|| plain_trans(ctx, bead)),
            )
    };
    let uo_all: Vec<O<'a>> = o
        .iter()
        .copied()
        .filter(|(_, e)| !t.iter().any(|(_, x)| entity_matches(e, x)))
        .filter(|(_, e)| !found_in(&trans_text, e))
        // A name that is also a common word, translated as that word (`den Spiegel vorhalten` /
        // "hold up a mirror"), by the bundled lexicon's renderings.
        .filter(|(_, e)| {
            !e.text.chars().all(char::is_alphabetic)
                || !shares_rendering(
                    &e.text,
                    ctx.original.language.code,
                    t_plain.get_or_init(|| plain_trans(ctx, bead)),
                    ctx.translation.language.code,
                )
        })
        // A name inside a quotation the translation lost is reported with the quotation.
        .filter(|(i, e)| !(lost_quote && inside_quote(ctx.orig_claims(*i), &e.span, MIN_WORDS)))
        // So is one in the part of a quotation the translation cut away.
        .filter(|(i, e)| {
            !shortened.iter().any(|(o, s)| o == i && s.start <= e.span.start && e.span.end <= s.end)
        })
        .collect();
    // A person's full name the original never mentions counts where the translation credits it as a
    // source (`said the director of Maria Lindqvist`): elsewhere, two capitalised English words are as
    // often an event or a translated office (`Climate Week`, `Prime Minister`).
    let t_trusted = |i: TransIdx, e: &Entity| {
        e.known
            || e.kind == EntityKind::Person
            || spelled_in(orig_doc, e, false)
            || unlisted_place(ctx, false, e, ctx.original_words())
            || foreign(&ctx.translation, e, ctx.original_words())
            || (in_source(ctx.trans_claims(i), e) && unknown_person(orig_doc, e))
            || spelled_as_name(
                ctx,
                (&ctx.translation, &ctx.original),
                e,
                ctx.original_words(),
                o_plain.get_or_init(|| plain_orig(ctx, bead)),
            )
    };
    let ut_all: Vec<T<'a>> = t
        .iter()
        .copied()
        .filter(|(_, e)| !o.iter().any(|(_, x)| entity_matches(x, e)))
        .filter(|(_, e)| !found_in(&orig_text, e))
        // A nationality added where the original names the country elsewhere is a gloss for readers
        // abroad (`Rijkswaterstaat, the Dutch waterways authority`), not a new fact.
        .filter(|(_, e)| {
            !(crate::claims::names::table().is_demonym(&e.key, &e.text) && found_in(orig_doc, e))
        })
        .collect();
    let (mut uo, mut uo_other): (Vec<O<'a>>, Vec<O<'a>>) =
        uo_all.into_iter().partition(|(_, e)| o_trusted(e));
    let (mut ut, mut ut_other): (Vec<T<'a>>, Vec<T<'a>>) =
        ut_all.into_iter().partition(|&(i, e)| t_trusted(i, e));
    // An untrusted name stands in for a trusted one that went missing on the other side only between
    // languages that do not capitalise their nouns, where a capital inside a sentence marks a name.
    // That turns a missing or an added name into a changed one, never makes a finding of its own.
    // Not the first word of a sentence or of what follows a dateline (`Москва — Мощный`), which is
    // capitalised anyway.
    let opening = |text: &str, e: &Entity| {
        let before = text.get(..e.span.start).unwrap_or("");
        !before.chars().any(char::is_alphanumeric) || before.trim_end().ends_with(['–', '—', '-', ':'])
    };
    // Both languages must be so: a German noun facing an English title is no changed name.
    if ctx.translation.language.pack.segment.noun_capitals || ctx.original.language.pack.segment.noun_capitals
    {
        ut_other.clear();
        uo_other.clear();
    }
    ut_other.retain(|(i, e)| !opening(&ctx.translation.sentences[i.0].text, e));
    uo_other.retain(|(i, e)| !opening(&ctx.original.sentences[i.0].text, e));

    let mut out = NameDiff::default();
    // An untyped name may stand for a person or an organisation on the other side.
    let compatible = |a: EntityKind, b: EntityKind| a == b || a == EntityKind::Name || b == EntityKind::Name;
    let mut i = 0;
    while i < uo.len() {
        let kind = uo[i].1.kind;
        let j = ut.iter().position(|x| compatible(kind, x.1.kind));
        if let Some(j) = j {
            out.changed.push((uo.remove(i), ut.remove(j)));
        } else if let Some(j) = ut_other.iter().position(|x| compatible(kind, x.1.kind)) {
            out.changed.push((uo.remove(i), ut_other.remove(j)));
        } else {
            i += 1;
        }
    }
    let mut j = 0;
    while j < ut.len() {
        let kind = ut[j].1.kind;
        if let Some(i) = uo_other.iter().position(|x| compatible(kind, x.1.kind)) {
            out.changed.push((uo_other.remove(i), ut.remove(j)));
        } else {
            j += 1;
        }
    }
    out.missing = uo;
    // A name the original gives elsewhere is a reference resolved (`the force` as `the Civil Guard`), not
    // a name brought into the story; unless it is the source of a claim the original attributes too (a
    // speaker put in; an attribution the original lacks is the attribution rules' business).
    let o_attributed = bead.original.iter().any(|&i| !ctx.orig_claims(i).attributions.is_empty());
    let speaker = |t: TransIdx, e: &Entity| o_attributed && in_source(ctx.trans_claims(t), e);
    out.added = ut.into_iter().filter(|&(t, e)| !found_in(orig_doc, e) || speaker(t, e)).collect();
    if !(out.changed.is_empty() && out.missing.is_empty() && out.added.is_empty()) {
        drop_swapped_speakers(ctx, view, &mut out);
    }
    out
}

/// A name that is the source of an attribution reported as changed or dropped is that finding's
/// business: a swapped or lost speaker is one finding, not an attribution and a name.
fn drop_swapped_speakers(ctx: &Context<'_>, view: BeadView<'_>, out: &mut NameDiff<'_>) {
    let mut orig_sources = Vec::new();
    let mut trans_sources = Vec::new();
    for change in attributions::diff(ctx, view) {
        match change {
            AttributionChange::Changed { orig: (o, oa), trans: (t, ta), .. } => {
                orig_sources.extend(oa.source.as_ref().map(|s| (o, s.span.clone())));
                trans_sources.extend(ta.source.as_ref().map(|s| (t, s.span.clone())));
            }
            // A dropped attribution takes its source's names with it: one finding.
            AttributionChange::Dropped { orig: (o, oa), .. } => {
                orig_sources.extend(oa.source.as_ref().map(|s| (o, s.span.clone())));
            }
            AttributionChange::Added { .. } => {}
        }
    }
    let in_o = |(i, e): &O<'_>| {
        orig_sources.iter().any(|(o, s)| o == i && s.start <= e.span.start && e.span.end <= s.end)
    };
    let in_t = |(i, e): &T<'_>| {
        trans_sources.iter().any(|(t, s)| t == i && s.start <= e.span.start && e.span.end <= s.end)
    };
    out.changed.retain(|(o, t)| !(in_o(o) || in_t(t)));
    out.missing.retain(|o| !in_o(o));
    out.added.retain(|t| !in_t(t));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, key: &str, known: bool) -> Entity {
        Entity { span: 0..text.len(), text: text.into(), key: key.into(), kind: EntityKind::Name, known }
    }

    #[test]
    fn one_word_written_as_two() {
        assert!(split_in("growth in the euro zone", "eurozone"));
        assert!(split_in("the euro zones", "eurozone"));
        assert!(!split_in("euro and zone", "eurozone"));
        assert!(!split_in("in the eu rozone", "eurozone"));
    }

    #[test]
    fn spelled_is_stricter_than_found() {
        let wort = name("Wort", "wort", false);
        assert!(found_in("a worthy cause", &wort));
        assert!(!spelled_in("a worthy cause", &wort, true));
        assert!(spelled_in("the wort", &wort, true));
        let cap = name("Asyl-Obergrenze", "asyl obergrenze", false);
        assert!(!spelled_in("the asylum cap", &cap, true));
        let films = name("Spider-Man-Filme", "spider man filme", false);
        assert!(spelled_in("the new spider-man: far from home", &films, false));
        let news = name("CBS News", "cbs news", false);
        assert!(spelled_in("fox news berichtete", &news, true));
        assert!(!spelled_in("fox news berichtete", &news, false));
    }

    #[test]
    fn genitive_and_derived_forms() {
        assert!(found_in(
            "wework's new contracts",
            &name("WeWorks Neuverträge", "weworks neuvertrage", false)
        ));
        assert!(found_in("the club tweeted", &name("Twitter", "twitter", true)));
        assert!(found_in("hatte die bundesregierung gewarnt", &name("German", "germany", true)));
    }
}
