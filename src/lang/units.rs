//! Units of measurement across languages (`lang/units.toml`): which words name which unit, and how big
//! each unit is, so a translator's conversion ("500 Meter" → "1,650 feet") is not mistaken for a changed
//! number.

use std::sync::OnceLock;

use serde::Deserialize;

/// One unit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Short id (`m`, `ft`, `degC`).
    pub id: String,
    /// `length`, `volume`, `mass`, `area`, `speed`, `temperature`.
    pub dimension: String,
    /// Size in the dimension's base unit (metre, litre, kilogram, square metre, km/h); unused for
    /// temperatures.
    pub size: f64,
    /// Spellings per language code.
    pub words: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    unit: Vec<Unit>,
}

/// All units, parsed once (an unparsable embedded table yields none; a test guards it).
pub fn units() -> &'static [Unit] {
    static UNITS: OnceLock<Vec<Unit>> = OnceLock::new();
    UNITS.get_or_init(|| {
        toml::from_str::<UnitFile>(include_str!("../../lang/units.toml")).map(|f| f.unit).unwrap_or_default()
    })
}

/// The unit named at the start of `text` (after optional spaces or a hyphen), in language `lang`:
/// the longest spelling that matches a whole word.
pub fn unit_at(text: &str, lang: &str) -> Option<&'static Unit> {
    let rest = text.trim_start_matches([' ', '\u{a0}', '\u{202f}', '-']);
    let lower = rest.to_lowercase();
    let mut best: Option<(&Unit, usize)> = None;
    for unit in units() {
        for word in unit.words.get(lang).into_iter().flatten() {
            let w = word.to_lowercase();
            if lower.starts_with(&w) {
                let after = lower[w.len()..].chars().next();
                let whole = after.is_none_or(|c| !c.is_alphanumeric());
                if whole && best.is_none_or(|(_, len)| w.len() > len) {
                    best = Some((unit, w.len()));
                }
            }
        }
    }
    best.map(|(u, _)| u)
}

/// Converts `value` from one unit to another of the same dimension.
pub fn convert(value: f64, from: &Unit, to: &Unit) -> Option<f64> {
    if from.dimension != to.dimension {
        return None;
    }
    if from.dimension == "temperature" {
        return match (from.id.as_str(), to.id.as_str()) {
            ("degC", "degF") => Some(value * 9.0 / 5.0 + 32.0),
            ("degF", "degC") => Some((value - 32.0) * 5.0 / 9.0),
            _ => Some(value),
        };
    }
    Some(value * from.size / to.size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_converts() {
        assert!(units().len() > 10);
        let m = unit_at(" Metern hohen Berg", "de").unwrap();
        let ft = unit_at("-foot peak", "en").unwrap();
        assert_eq!((m.id.as_str(), ft.id.as_str()), ("m", "ft"));
        assert!((convert(500.0, m, ft).unwrap() - 1640.4).abs() < 0.1);
        let c = unit_at(" Grad.", "de").unwrap();
        let f = unit_at(" degrees within", "en").unwrap();
        assert!((convert(27.0, c, f).unwrap() - 80.6).abs() < 1e-9);
        assert!(unit_at(" Meterware", "de").is_none());
    }
}
