//! Language detection for whole documents (whatlang, restricted to an allow-list of likely languages).

use whatlang::{Detector, Lang};

/// What detection found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
    /// whatlang's own reliability judgement.
    pub reliable: bool,
}

/// Languages detection may answer with: the supported packs and common neighbours (whatlang on short
/// news text otherwise confuses German with Dutch or Danish more often than it should).
const ALLOWED: &[(Lang, &str)] = &[
    (Lang::Deu, "de"),
    (Lang::Eng, "en"),
    (Lang::Fra, "fr"),
    (Lang::Spa, "es"),
    (Lang::Ita, "it"),
    (Lang::Nld, "nl"),
    (Lang::Por, "pt"),
    (Lang::Pol, "pl"),
    (Lang::Rus, "ru"),
    (Lang::Ukr, "uk"),
    (Lang::Ces, "cs"),
    (Lang::Swe, "sv"),
    (Lang::Dan, "da"),
    (Lang::Fin, "fi"),
    (Lang::Tur, "tr"),
    (Lang::Jpn, "ja"),
    (Lang::Cmn, "zh"),
    (Lang::Kor, "ko"),
    (Lang::Ara, "ar"),
    (Lang::Hin, "hi"),
    (Lang::Ell, "el"),
    (Lang::Hun, "hu"),
    (Lang::Ron, "ro"),
    (Lang::Bul, "bg"),
    (Lang::Heb, "he"),
];

/// Detects the language of a text; `None` when the text is too short or in a language outside the list.
pub fn detect(text: &str) -> Option<Detection> {
    // The first 20 kB are plenty and keep detection fast on huge inputs.
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let detector = Detector::with_allowlist(ALLOWED.iter().map(|(l, _)| *l).collect());
    let info = detector.detect(&text[..end])?;
    let code = ALLOWED.iter().find(|(l, _)| *l == info.lang())?.1;
    Some(Detection { code, confidence: info.confidence(), reliable: info.is_reliable() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_german_and_english() {
        let de = detect(
            "Die Regierung in Berlin hat am Dienstag neue Regeln beschlossen, die ab Januar gelten sollen.",
        );
        assert_eq!(de.map(|d| d.code), Some("de"));
        let en =
            detect("The government in Berlin adopted new rules on Tuesday that are to apply from January.");
        assert_eq!(en.map(|d| d.code), Some("en"));
    }
}
