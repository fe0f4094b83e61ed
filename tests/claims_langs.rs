//! Claim extraction in the languages beyond German and English (fr, es, it, nl, pt, pl, ru): explicit
//! expectations for what each language pack makes readable (number words and their compounds, digit
//! conventions, multipliers, times, attributions, hedges, negations, names in their inflected forms,
//! credit lines), and snapshots of the `provcheck claims` view on the small articles in
//! `fixtures/claims/<lang>.md`.
//!
//! What the packs cannot express yet (lower-case month and weekday names, `19 h 31`, `alle 5.20`, French
//! spaced guillemets) is listed in `docs/languages.md`, not tested here.

use provcheck::claims::{AttributionKind, DateKind, QuantityKind, SentenceClaims, extract_text};
use provcheck::lang;

use QuantityKind::{Cardinal, Currency, Ordinal, Percent, Vague};

fn claims(code: &str, text: &str) -> SentenceClaims {
    extract_text(text, lang::resolve(code, "test").expect("language"))
}

/// `(value, kind)` of each quantity, vague ones as `None`.
fn values(code: &str, text: &str) -> Vec<(Option<f64>, QuantityKind)> {
    claims(code, text).quantities.iter().map(|q| (q.value, q.kind)).collect()
}

fn dates(code: &str, text: &str) -> Vec<DateKind> {
    claims(code, text).dates.iter().map(|d| d.kind).collect()
}

/// Entity keys.
fn keys(code: &str, text: &str) -> Vec<String> {
    claims(code, text).entities.into_iter().map(|e| e.key).collect()
}

/// `(kind, cue, source)` of each attribution.
fn attributions(code: &str, text: &str) -> Vec<(AttributionKind, String, Option<String>)> {
    claims(code, text).attributions.into_iter().map(|a| (a.kind, a.cue, a.source.map(|s| s.text))).collect()
}

fn hedges(code: &str, text: &str) -> Vec<String> {
    claims(code, text).hedges.into_iter().map(|m| m.text).collect()
}

fn negations(code: &str, text: &str) -> Vec<String> {
    claims(code, text).negations.into_iter().map(|m| m.text).collect()
}

fn credit(code: &str, text: &str) -> Option<String> {
    claims(code, text).credit.map(|m| m.text)
}

fn one(v: f64, kind: QuantityKind) -> Vec<(Option<f64>, QuantityKind)> {
    vec![(Some(v), kind)]
}

use AttributionKind::{Phrase, Verb};

#[test]
fn french() {
    assert_eq!(values("fr", "Il y a quatre-vingt-dix morts."), one(90.0, Cardinal));
    assert_eq!(values("fr", "Il y a quatre-vingt-dix-sept morts."), one(97.0, Cardinal));
    assert_eq!(values("fr", "Soixante et onze blessés."), one(71.0, Cardinal));
    assert_eq!(values("fr", "Il y a quatre-vingts passagers."), one(80.0, Cardinal));
    assert_eq!(values("fr", "Trois cent vingt-cinq trains."), one(325.0, Cardinal));
    assert_eq!(values("fr", "Deux mille cinq cents euros."), one(2500.0, Currency));
    // Thin and no-break spaces group thousands; the comma is the decimal sign.
    assert_eq!(values("fr", "Plus de 14\u{202f}500 voyageurs."), one(14500.0, Cardinal));
    assert_eq!(values("fr", "Un coût de 2,3\u{a0}millions d’euros."), one(2.3e6, Currency));
    assert_eq!(values("fr", "Seuls 60\u{a0}% des trains."), one(60.0, Percent));
    assert_eq!(values("fr", "Une douzaine de kilomètres."), one(12.0, Cardinal));
    assert_eq!(values("fr", "Plusieurs centaines de personnes."), [(None, Vague)]);
    assert_eq!(values("fr", "Pour la quatrième fois."), one(4.0, Ordinal));
    assert_eq!(values("fr", "Le 3e arrondissement."), one(3.0, Ordinal));
    // `un` is an article unless a multiplier follows.
    assert_eq!(values("fr", "Un train est arrivé."), []);
    assert_eq!(values("fr", "Un million de personnes."), one(1e6, Cardinal));
    assert!(claims("fr", "Environ 1,5 milliard.").quantities[0].approximate);
    assert_eq!(dates("fr", "Le trafic a repris vers 14 heures."), [DateKind::Time { hour: 14, minute: 0 }]);
    assert_eq!(dates("fr", "Il est arrivé hier."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("fr", "Trois personnes ont été blessées, a précisé la préfecture."),
        [(Verb, "a précisé".into(), Some("la préfecture".into()))]
    );
    assert_eq!(
        attributions("fr", "Le trafic a repris, d’après la compagnie ferroviaire."),
        [(Phrase, "d’après".into(), Some("la compagnie ferroviaire".into()))]
    );
    assert_eq!(hedges("fr", "La panne a apparemment été provoquée par la foudre."), ["apparemment"]);
    assert_eq!(hedges("fr", "Des passagers auraient été touchés."), ["auraient été"]);
    assert_eq!(negations("fr", "L’exploitant n’a pas confirmé."), ["pas"]);
    assert_eq!(negations("fr", "Aucun blessé n’est à déplorer."), ["Aucun"]);
    // `pas seulement` does not negate the claim.
    assert!(negations("fr", "Ce n’est pas seulement une panne.").is_empty());
    assert_eq!(credit("fr", "(AFP)").as_deref(), Some("(AFP)"));
    assert_eq!(keys("fr", "Il est allé à Varsovie et à Moscou."), ["warsaw", "moscow"]);
    // An elided article is one word with the name.
    assert_eq!(keys("fr", "Des vols au départ d’Anvers."), ["antwerp"]);
    assert_eq!(keys("fr", "La sortie française du tunnel."), ["france"]);
}

#[test]
fn spanish() {
    assert_eq!(values("es", "Unos tres mil quinientos kilos."), one(3500.0, Cardinal));
    assert_eq!(values("es", "Un hombre de cincuenta y dos años."), one(52.0, Cardinal));
    assert_eq!(values("es", "Llegaron veintitrés barcos."), one(23.0, Cardinal));
    assert_eq!(values("es", "Cuesta doscientos mil euros."), one(200000.0, Currency));
    assert_eq!(values("es", "Se intervinieron 126.400 cajetillas."), one(126400.0, Cardinal));
    assert_eq!(values("es", "Más de 3,2 millones de euros."), one(3.2e6, Currency));
    assert_eq!(values("es", "Tres mil millones de dólares."), one(3e9, Currency));
    assert_eq!(values("es", "Aumentó un 40 %."), one(40.0, Percent));
    assert_eq!(values("es", "Decenas de agentes participaron."), [(None, Vague)]);
    assert_eq!(values("es", "Medio millón de personas."), one(5e5, Cardinal));
    assert_eq!(dates("es", "Comenzó a las 6.30 horas."), [DateKind::Time { hour: 6, minute: 30 }]);
    assert_eq!(dates("es", "Llegó ayer."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("es", "La red defraudó millones, según los investigadores."),
        [(Phrase, "según".into(), Some("los investigadores".into()))]
    );
    assert_eq!(attributions("es", "Lo ha dicho el ministro.")[0].1, "ha dicho");
    assert_eq!(hedges("es", "La red habría defraudado millones."), ["habría"]);
    assert_eq!(hedges("es", "Huyeron, al parecer, a Marruecos."), ["al parecer"]);
    assert_eq!(hedges("es", "El presunto cabecilla fue detenido."), ["presunto"]);
    assert_eq!(negations("es", "La investigación no ha concluido."), ["no"]);
    assert!(negations("es", "No solo eso, también lo otro.").is_empty());
    assert_eq!(credit("es", "Fuente: EFE").as_deref(), Some("Fuente: EFE"));
    assert_eq!(keys("es", "Viajó a Moscú y a Varsovia."), ["moscow", "warsaw"]);
    assert_eq!(keys("es", "Las autoridades belgas colaboraron."), ["belgium"]);
}

#[test]
fn italian() {
    assert_eq!(values("it", "Ventitré treni cancellati."), one(23.0, Cardinal));
    assert_eq!(values("it", "Centoventi passeggeri."), one(120.0, Cardinal));
    assert_eq!(values("it", "Tremilacinquecento case."), one(3500.0, Cardinal));
    assert_eq!(values("it", "Sono caduti duecentomila litri."), one(200000.0, Cardinal));
    assert_eq!(values("it", "Circa 4.500 metri cubi."), one(4500.0, Cardinal));
    assert_eq!(values("it", "Costeranno 2,5 milioni di euro."), one(2.5e6, Currency));
    assert_eq!(values("it", "Il 30% delle merci."), one(30.0, Percent));
    assert_eq!(values("it", "Una decina di case."), one(10.0, Cardinal));
    assert_eq!(values("it", "Mezzo milione di persone."), one(5e5, Cardinal));
    assert_eq!(values("it", "Centinaia di migliaia di persone."), [(None, Vague)]);
    assert_eq!(dates("it", "È successo ieri."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("it", "I lavori dureranno tre settimane, ha dichiarato l'assessore."),
        [(Verb, "ha dichiarato".into(), Some("l'assessore".into()))]
    );
    assert_eq!(
        attributions("it", "Secondo i dati dell'Osservatorio, il traffico è calato."),
        [(Phrase, "Secondo i".into(), Some("dati dell'Osservatorio".into()))]
    );
    // `secondo` alone is also the ordinal: no attribution.
    assert!(attributions("it", "Per il secondo giorno la linea è chiusa.").is_empty());
    assert_eq!(hedges("it", "La causa va presumibilmente ricercata altrove."), ["presumibilmente"]);
    assert_eq!(hedges("it", "L'uomo sarebbe stato arrestato."), ["sarebbe stato"]);
    assert_eq!(negations("it", "Nessuno è rimasto ferito."), ["Nessuno"]);
    assert_eq!(credit("it", "Fonte: ANSA").as_deref(), Some("Fonte: ANSA"));
    assert_eq!(keys("it", "Le merci tra l'Italia e la Germania."), ["italy", "germany"]);
    assert_eq!(keys("it", "Il treno per Varsavia."), ["warsaw"]);
}

#[test]
fn dutch() {
    assert_eq!(values("nl", "Vijfentwintig schepen."), one(25.0, Cardinal));
    assert_eq!(values("nl", "Tweeëntwintig mensen."), one(22.0, Cardinal));
    assert_eq!(values("nl", "Driehonderdvijftig ton."), one(350.0, Cardinal));
    assert_eq!(values("nl", "Een driejarige jongen."), one(3.0, Cardinal));
    assert_eq!(values("nl", "Het schip had 2.300 ton kolen."), one(2300.0, Cardinal));
    assert_eq!(values("nl", "De schade is 1,5 miljoen euro."), one(1.5e6, Currency));
    assert_eq!(values("nl", "Ongeveer 40 procent."), one(40.0, Percent));
    assert_eq!(values("nl", "Tientallen bedrijven."), [(None, Vague)]);
    assert_eq!(dates("nl", "Het schip liep om 15.30 uur vast."), [DateKind::Time { hour: 15, minute: 30 }]);
    assert_eq!(dates("nl", "Gisteren werd het gemeten."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("nl", "Het schip liep vast, zei woordvoerder Ellen de Vries."),
        [(Verb, "zei".into(), Some("woordvoerder Ellen de Vries".into()))]
    );
    assert_eq!(attributions("nl", "Er is geen olie gelekt, aldus Rijkswaterstaat.")[0].1, "aldus");
    assert_eq!(attributions("nl", "Volgens de politie is niemand gewond.")[0].1, "Volgens");
    assert_eq!(hedges("nl", "Het schip is vermoedelijk afgedreven."), ["vermoedelijk"]);
    assert_eq!(hedges("nl", "Er zijn naar verluidt drie doden."), ["naar verluidt"]);
    // `zou … hebben`: reportedly, the two parts apart; `zou` alone is the plain conditional.
    assert_eq!(hedges("nl", "De schipper zou een boei hebben gemist."), ["zou"]);
    assert!(hedges("nl", "Hij zei dat hij zou komen.").is_empty());
    assert_eq!(negations("nl", "De bemanning raakte niet gewond."), ["niet"]);
    assert_eq!(credit("nl", "Bron: ANP").as_deref(), Some("Bron: ANP"));
    assert_eq!(
        keys("nl", "De schepen voeren van Rotterdam naar Keulen op de Rijn."),
        ["rotterdam", "cologne", "rhine"]
    );
}

#[test]
fn portuguese() {
    assert_eq!(values("pt", "Vinte e cinco voos."), one(25.0, Cardinal));
    assert_eq!(values("pt", "Cento e vinte e três passageiros."), one(123.0, Cardinal));
    assert_eq!(values("pt", "Dois mil e quinhentos euros."), one(2500.0, Currency));
    assert_eq!(values("pt", "Cerca de 180 mil euros."), one(180000.0, Currency));
    assert_eq!(values("pt", "Três mil milhões de dólares."), one(3e9, Currency));
    assert_eq!(values("pt", "Cerca de 20.000 litros."), one(20000.0, Cardinal));
    assert_eq!(values("pt", "Aumentou 8,5%."), one(8.5, Percent));
    assert_eq!(values("pt", "Duas passageiras."), one(2.0, Cardinal));
    assert_eq!(dates("pt", "O alerta foi dado às 14:20."), [DateKind::Time { hour: 14, minute: 20 }]);
    assert_eq!(dates("pt", "Chegaram ontem."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("pt", "Não houve feridos, informou a Proteção Civil."),
        [(Verb, "informou".into(), Some("a Proteção Civil".into()))]
    );
    assert_eq!(attributions("pt", "Segundo dados do Instituto, o número aumentou.")[0].1, "Segundo dados");
    // `segundo` alone is also the ordinal: no attribution.
    assert!(attributions("pt", "Foi o segundo dia de greve.").is_empty());
    assert_eq!(hedges("pt", "O fumo foi aparentemente provocado por um forno."), ["aparentemente"]);
    assert_eq!(hedges("pt", "O homem terá sido detido."), ["terá sido"]);
    assert_eq!(negations("pt", "Não houve feridos."), ["Não"]);
    assert_eq!(credit("pt", "Fonte: Lusa").as_deref(), Some("Fonte: Lusa"));
    assert_eq!(keys("pt", "Entre Lisboa e Nova Iorque."), ["lisbon", "new-york"]);
}

#[test]
fn polish() {
    assert_eq!(values("pl", "Dwadzieścia pięć firm."), one(25.0, Cardinal));
    assert_eq!(values("pl", "Ponad dwudziestu pięciu kierowców."), one(25.0, Cardinal));
    assert_eq!(values("pl", "Trzysta dwadzieścia tysięcy ton."), one(320000.0, Cardinal));
    assert_eq!(values("pl", "Kosztuje ok. półtora miliona złotych."), one(1.5e6, Currency));
    assert_eq!(values("pl", "Czekało ok. 1,8 tys. pojazdów."), one(1800.0, Cardinal));
    assert_eq!(values("pl", "Zapłacono 12 400 zł."), one(12400.0, Currency));
    assert_eq!(values("pl", "Wzrosła o 15 proc."), one(15.0, Percent));
    assert_eq!(values("pl", "Odprawiono kilkanaście samochodów."), [(None, Vague)]);
    // Compounds and single words in every case: dative, instrumental, locative.
    assert_eq!(values("pl", "Z dwudziestoma pięcioma kierowcami."), one(25.0, Cardinal));
    assert_eq!(values("pl", "Z dwudziestu pięcioma kierowcami."), one(25.0, Cardinal));
    assert_eq!(values("pl", "Pomoc dwudziestu trzem osobom."), one(23.0, Cardinal));
    assert_eq!(values("pl", "Ze stoma dwudziestoma osobami."), one(120.0, Cardinal));
    assert_eq!(values("pl", "W półtora milionie przypadków."), one(1.5e6, Cardinal));
    assert_eq!(values("pl", "O tysiącu osób."), one(1000.0, Cardinal));
    assert_eq!(values("pl", "To był piąty raz."), one(5.0, Ordinal));
    assert!(claims("pl", "Czekało ok. 1,8 tys. pojazdów.").quantities[0].approximate);
    assert_eq!(dates("pl", "Wymiana wzrosła w 2024 r."), [DateKind::Year { year: 2024 }]);
    assert_eq!(dates("pl", "Stoję tu od wczoraj."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("pl", "Awaria była poważna – powiedziała rzeczniczka Anna Nowak."),
        [(Verb, "powiedziała".into(), Some("rzeczniczka Anna Nowak".into()))]
    );
    assert_eq!(attributions("pl", "Ministerstwo poinformowało, że jest w kontakcie.")[0].1, "poinformowało");
    assert_eq!(attributions("pl", "Według policji nikt nie zginął.")[0].1, "Według");
    assert_eq!(hedges("pl", "Awaria była prawdopodobnie skutkiem błędu."), ["prawdopodobnie"]);
    assert_eq!(hedges("pl", "Doszło rzekomo do ataku."), ["rzekomo"]);
    assert_eq!(negations("pl", "Nikt nie potrafi powiedzieć."), ["Nikt", "nie"]);
    assert!(negations("pl", "To nie tylko awaria.").is_empty());
    // `dopóki nie` is `until`: no negation, adjacent or with words between.
    assert!(negations("pl", "Czekali, dopóki nie przyjechała policja.").is_empty());
    assert!(negations("pl", "Czekali, dopóki policja nie przyjechała.").is_empty());
    // `tysiące` alone is `thousands`; after a number it is the multiplier.
    assert_eq!(values("pl", "Na granicy czekały tysiące ciężarówek."), [(None, Vague)]);
    assert_eq!(values("pl", "Na granicy czekały dwa tysiące ciężarówek."), one(2000.0, Cardinal));
    assert_eq!(credit("pl", "Źródło: PAP").as_deref(), Some("Źródło: PAP"));
    // Case forms, regular and irregular, share the key of the name.
    assert_eq!(keys("pl", "Pojechał z Warszawy do Kijowa."), ["warsaw", "kyiv"]);
    assert_eq!(keys("pl", "Handel między Polską a Ukrainą."), ["poland", "ukraine"]);
    assert_eq!(keys("pl", "W Polsce i we Lwowie."), ["poland", "lviv"]);
    assert_eq!(keys("pl", "Awaria ukraińskiego systemu."), ["ukraine"]);
}

#[test]
fn russian() {
    assert_eq!(values("ru", "Двадцать пять человек."), one(25.0, Cardinal));
    assert_eq!(values("ru", "Более двадцати пяти тысяч жителей."), one(25000.0, Cardinal));
    assert_eq!(values("ru", "Триста двадцать тысяч рублей."), one(320000.0, Currency));
    assert_eq!(values("ru", "Полтора миллиона человек."), one(1.5e6, Cardinal));
    assert_eq!(values("ru", "Два с половиной миллиона."), one(2.5e6, Cardinal));
    assert_eq!(values("ru", "До минус пятнадцати градусов."), one(15.0, Cardinal));
    assert_eq!(values("ru", "Выделено 4,5 млрд рублей."), one(4.5e9, Currency));
    assert_eq!(values("ru", "Выведено более 12\u{a0}400 единиц."), one(12400.0, Cardinal));
    assert_eq!(values("ru", "Около 60% нормы."), one(60.0, Percent));
    assert_eq!(values("ru", "Погибли трое."), one(3.0, Cardinal));
    assert_eq!(values("ru", "Несколько сотен человек."), [(None, Vague)]);
    // Compounds and single words in every case: dative, instrumental, prepositional.
    assert_eq!(values("ru", "С двадцатью пятью пассажирами."), one(25.0, Cardinal));
    assert_eq!(values("ru", "К двадцати трём часам."), one(23.0, Cardinal));
    assert_eq!(values("ru", "О двадцати пяти судах."), one(25.0, Cardinal));
    assert_eq!(values("ru", "Со ста двадцатью людьми."), one(120.0, Cardinal));
    assert_eq!(values("ru", "Помощь двумстам жителям."), one(200.0, Cardinal));
    assert_eq!(values("ru", "О трёхстах судах."), one(300.0, Cardinal));
    assert_eq!(values("ru", "С полутора миллионами рублей."), one(1.5e6, Currency));
    assert_eq!(dates("ru", "Около 7:30 столкнулись машины."), [DateKind::Time { hour: 7, minute: 30 }]);
    assert_eq!(dates("ru", "Не выпадало с 1998 года."), [DateKind::Year { year: 1998 }]);
    assert_eq!(dates("ru", "Вчера шел снег."), [DateKind::Relative { days: -1 }]);
    assert_eq!(
        attributions("ru", "Выделено 4,5 млрд рублей, сказал заместитель мэра Игорь Лаптев."),
        [(Verb, "сказал".into(), Some("заместитель мэра Игорь Лаптев".into()))]
    );
    assert_eq!(attributions("ru", "По словам синоптика, снег не прекратится.")[0].1, "По словам");
    assert_eq!(attributions("ru", "Об этом сообщили в Гидрометцентре России.")[0].1, "сообщили");
    assert_eq!(hedges("ru", "Предположительно, причиной стал гололед."), ["Предположительно"]);
    assert_eq!(hedges("ru", "В систему, по всей видимости, попала вода."), ["по всей видимости"]);
    assert_eq!(negations("ru", "Никто не пострадал."), ["Никто", "не"]);
    // `…, пока X не взяли` is `until X took it`; `пока не установлена` (no comma, adjacent) is `not yet`.
    assert!(negations("ru", "Судно дрейфовало, пока его не взяли на буксир.").is_empty());
    assert!(negations("ru", "Судно дрейфовало, пока два буксира не взяли его на буксир.").is_empty());
    assert_eq!(negations("ru", "Причина поломки пока не установлена."), ["не"]);
    assert_eq!(negations("ru", "Полиция пока не установила, кто не пришел."), ["не", "не"]);
    // The clause ends at a comma: the second `не` is a negation again.
    assert_eq!(negations("ru", "Ждали, пока буксир не пришел, но никто не помог."), ["никто", "не"]);
    // `тысячи` alone is `thousands`; after a number it is the multiplier.
    assert_eq!(values("ru", "Тысячи людей остались без света."), [(None, Vague)]);
    assert_eq!(values("ru", "Без света остались три тысячи человек."), one(3000.0, Cardinal));
    // After `более` (more than) `тысячи` is the genitive singular: a thousand.
    assert_eq!(values("ru", "Выведено более тысячи единиц техники."), one(1000.0, Cardinal));
    assert_eq!(values("ru", "Около тысячи человек."), one(1000.0, Cardinal));
    assert_eq!(credit("ru", "Источник: ТАСС").as_deref(), Some("Источник: ТАСС"));
    assert_eq!(keys("ru", "Снегопад в Москве и Варшаве."), ["moscow", "warsaw"]);
    assert_eq!(
        keys("ru", "Встреча Владимира Путина и Зеленского."),
        ["vladimir-putin", "volodymyr-zelensky"]
    );
    assert_eq!(keys("ru", "Рейсы в Пекин и из Санкт-Петербурга."), ["beijing", "st-petersburg"]);
    assert_eq!(keys("ru", "Российского президента."), ["russia"]);
}

fn soft_hedges(code: &str, text: &str) -> Vec<String> {
    claims(code, text).soft_hedges.into_iter().map(|m| m.text).collect()
}

/// A hedge that starts like a cue is the hedge: `Selon toute vraisemblance` attributes nothing.
#[test]
fn hedge_over_cue() {
    let fr = "Selon toute vraisemblance, la panne a été provoquée par la foudre, a indiqué une source.";
    assert_eq!(hedges("fr", fr), ["Selon toute vraisemblance"]);
    assert_eq!(attributions("fr", fr), [(Verb, "a indiqué".into(), Some("une source".into()))]);
    assert_eq!(attributions("fr", "Selon la préfecture, la panne a été réparée.")[0].1, "Selon");
}

/// A verb of adding before a counted object reports nothing; after a comma it reports.
#[test]
fn adding_is_no_report() {
    assert!(attributions("fr", "Des compagnies ont ajouté plusieurs traversées.").is_empty());
    assert!(attributions("en", "Ferry companies added several crossings.").is_empty());
    assert!(attributions("es", "La empresa añadió dos trenes.").is_empty());
    assert_eq!(attributions("fr", "Le trafic reprendra, a ajouté la préfecture.")[0].1, "a ajouté");
    assert_eq!(attributions("en", "He added that two trains were cancelled.")[0].1, "added");
}

/// A table form written in capitals (`UN`) matches only text in capitals: `Un` is an article.
#[test]
fn capital_forms_need_capitals() {
    assert!(keys("fr", "Un train est resté bloqué sous le tunnel.").is_empty());
    assert!(keys("es", "Un portavoz habló con la prensa.").is_empty());
    assert_eq!(keys("es", "Un portavoz de la ONU habló."), ["united-nations"]);
    assert_eq!(keys("en", "The UN's envoy arrived."), ["united-nations"]);
    // Italian and German write some of them as words: forms of their own.
    assert_eq!(keys("it", "Gli Usa hanno votato contro."), ["united-states"]);
    assert_eq!(keys("de", "Die Uno tagt in New York."), ["united-nations", "new-york"]);
}

/// Modals that may render a hedge are reported apart from hedges, and not where a hedge covers them.
#[test]
fn soft_hedges_beside_hedges() {
    let en = "The network may have cheated the tax authorities.";
    assert_eq!((hedges("en", en), soft_hedges("en", en)), (vec![], vec!["may have".to_owned()]));
    assert_eq!(soft_hedges("es", "La red podría superar los mil miembros."), ["podría"]);
    assert!(soft_hedges("es", "La red habría defraudado millones.").is_empty());
    assert_eq!(soft_hedges("fr", "Le réseau aurait fraudé le fisc."), ["aurait"]);
    // `auraient été` is a hedge of its own; its `auraient` is no second, soft one.
    let fr = "Des passagers auraient été touchés.";
    assert_eq!((hedges("fr", fr), soft_hedges("fr", fr)), (vec!["auraient été".to_owned()], vec![]));
    assert_eq!(
        soft_hedges("it", "La frana potrebbe essere stata causata dalla pioggia."),
        ["potrebbe essere"]
    );
    assert_eq!(soft_hedges("pt", "O fumo pode ter sido provocado por um forno."), ["pode ter"]);
}

/// `provcheck claims FILE --lang L --color never` on each `fixtures/claims/<lang>.md`, one snapshot per
/// language.
#[test]
fn claims_view_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/claims");
    for code in ["fr", "es", "it", "nl", "pt", "pl", "ru"] {
        let path = dir.join(format!("{code}.md"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_provcheck"))
            .args(["claims", "--lang", code, "--color", "never"])
            .arg(&path)
            .output()
            .expect("run provcheck");
        assert!(out.status.success(), "{code}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        insta::with_settings!({snapshot_suffix => code, prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!("claims_langs", text);
        });
    }
}

/// The report `check` gives on a small pair, without an installed dictionary.
fn report(lo: &str, original: &str, lt: &str, translation: &str) -> provcheck::Report {
    use provcheck::input::{Document, Format};
    let doc = |name: &str, text: &str| {
        Document::from_bytes(name, text.as_bytes(), Format::Markdown).expect("document")
    };
    let options = provcheck::Options {
        original_lang: Some(lo.to_owned()),
        translation_lang: Some(lt.to_owned()),
        align: provcheck::align::AlignOptions {
            dictionary: provcheck::align::DictionaryChoice::Off,
            ..Default::default()
        },
        ..provcheck::Options::default()
    };
    provcheck::check(doc("original", original), doc("translation", translation), &options).expect("check")
}

/// The warnings and errors `check` gives on a small pair, as `rule: message`.
fn findings(lo: &str, original: &str, lt: &str, translation: &str) -> Vec<String> {
    report(lo, original, lt, translation)
        .findings
        .iter()
        .filter(|f| f.severity >= provcheck::Severity::Warning)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

/// A nationality the translation adds as a gloss is no added name when the original names the
/// country elsewhere; a country the original never names still is.
#[test]
fn demonym_glosses() {
    let nl = "Het schip liep vast, meldt Rijkswaterstaat.\n\nHet water stroomt bij Lobith Nederland binnen.\n\n\
              De scheepvaart is gestremd.\n\nDe bemanning is veilig.\n";
    let en = "The ship ran aground, Rijkswaterstaat, the Dutch waterways authority, said.\n\n\
              The water enters the Netherlands at Lobith.\n\nShipping has been halted.\n\nThe crew is safe.\n";
    assert_eq!(findings("nl", nl, "en", en), Vec::<String>::new());
    let en = en.replace("Dutch", "German");
    assert_eq!(findings("nl", nl, "en", &en), ["name-added: name added: `German` is not in the original"]);
}

/// Cyrillic and Latin spellings of one name, and the exonyms of a place, meet in either direction
/// (ru → en, en → ru, de → ru, ru → de); a different name is still a change.
#[test]
fn names_cross_scripts_both_ways() {
    let ru = "Зеленский провел переговоры в Москве.\n\nВстреча продлилась три часа.\n\n\
              Путин назвал ее полезной.\n";
    let en = "Zelensky held talks in Moscow.\n\nThe meeting lasted three hours.\n\nPutin called it useful.\n";
    let de = "Selenskyj führte in Moskau Gespräche.\n\nDas Treffen dauerte drei Stunden.\n\n\
              Putin nannte es nützlich.\n";
    let none = Vec::<String>::new();
    assert_eq!(findings("ru", ru, "en", en), none);
    assert_eq!(findings("en", en, "ru", ru), none);
    assert_eq!(findings("de", de, "ru", ru), none);
    assert_eq!(findings("ru", ru, "de", de), none);
    assert_eq!(findings("en", en, "de", de), none);
    let en_kyiv = en.replace("Moscow", "Kyiv");
    assert_eq!(
        findings("ru", ru, "en", &en_kyiv),
        ["name-changed: name changed: `Москве` in the original, `Kyiv` in the translation"]
    );
    let ru_kyiv = ru.replace("Москве", "Киеве");
    assert_eq!(
        findings("en", en, "ru", &ru_kyiv),
        ["name-changed: name changed: `Moscow` in the original, `Киеве` in the translation"]
    );
}

/// One wrong date is one finding, though its weekday and its day are two claims.
#[test]
fn a_wrong_date_is_one_finding() {
    let pl = "Awaria nastąpiła w środę 22 października.\n\nKolejka ciężarówek wydłużyła się.\n\n\
              Kierowcy czekali na granicy.\n";
    let en = "The failure occurred on Tuesday, October 21.\n\nThe queue of trucks grew longer.\n\n\
              Drivers waited at the border.\n";
    assert_eq!(
        findings("pl", pl, "en", en),
        [
            "date-changed: date changed: `środę 22 października` in the original, `Tuesday, October 21` in the translation"
        ]
    );
}

/// A quotation cut down is one finding: the claims in the part cut away and a stub too short to count
/// as a quotation of its own are reported with it.
#[test]
fn a_shortened_quotation_is_one_finding() {
    let ru = "Синоптики ожидают новых снегопадов.\n\n«Снег будет идти до вечера среды, а затем ударят морозы \
              до минус пятнадцати градусов», — заявил Кузнецов.\n\nВ городе работают тысячи снегоуборочных машин.\n";
    let en = "Forecasters expect more snow.\n\n“The snow will continue,” Kuznetsov said.\n\n\
              Thousands of snowploughs are at work in the city.\n";
    assert_eq!(
        findings("ru", ru, "en", en),
        ["quote-altered: quotation shortened: 14 words in the original, 4 in the translation"]
    );
    let en = "The ferry lost power in a storm.\n\n“It was terrifying: the lights went out and the whole ship \
              was shaking,” a passenger said.\n\nThe ship reached port on Sunday.\n";
    let ru = "Паром потерял ход во время шторма.\n\n«Было страшно», — рассказала пассажирка.\n\n\
              Судно прибыло в порт в воскресенье.\n";
    assert_eq!(
        findings("en", en, "ru", ru),
        ["quote-altered: quotation shortened: 13 words in the original, 2 in the translation"]
    );
}

/// Reported speech made a quotation is an added quotation, even beside a quotation of the original that
/// the translation already renders in its own sentence; a quotation split across sentences is not.
#[test]
fn an_added_quotation_beside_a_kept_one() {
    let ru = "Снегопад парализовал движение.\n\n«На улицы выведено более тысячи единиц техники, службы работают \
              круглосуточно», — сказал Лаптев. Он добавил, что отменять занятия в школах не планируется.\n";
    let en = "The snowfall paralysed traffic.\n\n“More than a thousand machines have been deployed on the streets, \
              and services are working around the clock,” Laptev said. “There are no plans to cancel school \
              classes,” he added.\n";
    assert_eq!(
        findings("ru", ru, "en", en),
        [
            "quote-added: quotation added: “There are no plans to cancel school classes,” is not quoted in the original"
        ]
    );
    let en = "The snowfall paralysed traffic.\n\n“More than a thousand machines have been deployed on the streets, \
              and services are working around the clock,” Laptev said. He added that there were no plans to \
              cancel school classes.\n";
    assert_eq!(findings("ru", ru, "en", en), Vec::<String>::new());
}

/// A byline naming another author is a changed credit line, across scripts, though the editor is the
/// same; the same people in the other script are no change.
#[test]
fn a_byline_with_another_author() {
    let en = "The ferry reached port on Sunday.\n\nNo one was injured.\n\n\
              Reporting by Anders Lund in Stockholm; editing by Kate Morris\n";
    let ru = "Паром прибыл в порт в воскресенье.\n\nНикто не пострадал.\n\n\
              Текст: Андерс Лунд (Стокгольм); редактор: Кейт Моррис\n";
    assert_eq!(findings("en", en, "ru", ru), Vec::<String>::new());
    let ru = ru.replace("Андерс Лунд", "Ингрид Берг");
    assert_eq!(
        findings("en", en, "ru", &ru),
        [
            "credit-line-changed: credit line changed: `Reporting by Anders Lund in Stockholm; editing by Kate \
          Morris` in the original, `Текст: Ингрид Берг (Стокгольм); редактор: Кейт Моррис` in the translation"
        ]
    );
}

/// Unnamed sources compared by kind (`lang/sources.toml`) in Dutch, Polish and Russian.
#[test]
fn unnamed_sources_by_kind() {
    let ru = "Паром потерял ход во время шторма.\n\nНикто не пострадал, сообщила береговая охрана.\n\n\
              Судно прибыло в порт в воскресенье.\n";
    let en = "The ferry lost power in a storm.\n\nNo one was injured, the coast guard said.\n\n\
              The ship reached port on Sunday.\n";
    let none = Vec::<String>::new();
    assert_eq!(findings("ru", ru, "en", en), none);
    let en_police = en.replace("the coast guard", "the police");
    let found = findings("ru", ru, "en", &en_police);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("attribution-changed:"), "{found:?}");
    let pl = "Prom stracił napęd podczas sztormu.\n\nNikt nie został ranny – poinformowała policja.\n\n\
              Statek dotarł do portu w niedzielę.\n";
    let en = en.replace("the coast guard", "the police");
    assert_eq!(findings("pl", pl, "en", &en), none);
    let nl = "De veerboot viel stil tijdens een storm.\n\nNiemand raakte gewond, meldt de politie.\n\n\
              Het schip bereikte zondag de haven.\n";
    assert_eq!(findings("nl", nl, "en", &en), none);
    let found = findings("nl", nl, "en", &en.replace("the police", "the fire brigade"));
    assert!(found.len() == 1 && found[0].starts_with("attribution-changed:"), "{found:?}");
}

/// A language without a pack: what the generic pack cannot read in the original (weekday names, hedges,
/// negations, attributions, names in another script) is not reported as added by the translation, while
/// a changed digit still is.
#[test]
fn a_language_without_a_pack_reports_only_what_both_sides_read() {
    let original =
        "東京で火曜日に地震があった。被害は報告されていないと警察が発表した。\n\n余震は12回観測された。\n";
    let faithful = "An earthquake struck Tokyo on Tuesday. No damage was reported, police said.\n\n\
                    Twelve aftershocks were recorded.\n";
    assert_eq!(findings("ja", original, "en", faithful), Vec::<String>::new());
    let changed = "An earthquake struck Tokyo on Tuesday. No damage was reported, police said.\n\n\
                   15 aftershocks were recorded.\n";
    let found = findings("ja", original, "en", changed);
    assert!(found.iter().any(|f| f.starts_with("number-changed")), "{found:?}");
}

/// `according to your needs` names a standard, not a source (each pack's `standards`): no attribution,
/// so nothing to lose in the translation. `selon la préfecture` still is one.
#[test]
fn a_standard_is_no_source() {
    for (code, text) in [
        ("en", "Extra trains will run on the line according to passenger needs."),
        ("fr", "Des trains supplémentaires circuleront selon les besoins des voyageurs."),
        ("es", "Se reforzará la plantilla de cada hospital según las necesidades."),
        ("es", "Los vecinos podrán recurrir la multa según corresponda."),
        ("it", "Le corse saranno aumentate secondo le esigenze dei pendolari."),
        ("nl", "De dienstregeling wordt volgens de wensen van reizigers aangepast."),
        ("pt", "Os horários serão ajustados segundo as necessidades dos passageiros."),
        ("pl", "Rozkład zostanie zmieniony według potrzeb pasażerów."),
    ] {
        assert_eq!(attributions(code, text), vec![], "{code}: {text}");
    }
    assert_eq!(attributions("fr", "Selon la préfecture, trois personnes ont été blessées.").len(), 1);
    assert_eq!(attributions("en", "Three people were hurt, according to the regional council.").len(), 1);
}

/// A lost sourcing phrase is an error where it opens the sentence or a clause, or names its source
/// with a capital; run into the clause with a common noun (`selon les syndicats de 4 %`), where such
/// phrases as often say "in accordance with", it is a warning.
#[test]
fn a_sourcing_phrase_run_into_the_clause_is_a_warning_when_lost() {
    let severity_of = |original: &str, translation: &str| {
        let report = report("fr", original, "en", translation);
        report
            .findings
            .iter()
            .filter(|f| f.rule == "attribution-dropped")
            .map(|f| f.severity)
            .collect::<Vec<_>>()
    };
    let translation = "Rail fares rose by 4 percent in January.\n";
    assert_eq!(
        severity_of("Les tarifs ont augmenté de 4 % en janvier, selon les syndicats.\n", translation),
        vec![provcheck::Severity::Error]
    );
    assert_eq!(
        severity_of("Selon les syndicats, les tarifs ont augmenté de 4 % en janvier.\n", translation),
        vec![provcheck::Severity::Error]
    );
    assert_eq!(
        severity_of("Les tarifs ont augmenté selon les syndicats de 4 % en janvier.\n", translation),
        vec![provcheck::Severity::Warning]
    );
}

/// A gloss in quotation marks (a term's other-language form or expansion, in parentheses) that the
/// translation keeps without the marks is not dropped; losing it is a warning, not an error.
#[test]
fn a_quoted_gloss_kept_without_marks() {
    let fr = "La mairie finance un dispositif d'aide (« support for rural housing and small farms ») \
              pour les villages isolés.\n";
    let kept =
        "The town hall funds a support for rural housing and small farms scheme for isolated villages.\n";
    let found = findings("fr", fr, "en", kept);
    assert!(!found.iter().any(|f| f.starts_with("quote-")), "{found:?}");
    let lost = "The town hall funds an aid scheme for isolated villages.\n";
    let found = findings("fr", fr, "en", lost);
    assert!(found.iter().any(|f| f.starts_with("quote-")), "{found:?}");
    assert_eq!(errors("fr", fr, "en", lost), 0);
}

/// How many error-level findings `check` gives on a small pair.
fn errors(lo: &str, original: &str, lt: &str, translation: &str) -> usize {
    report(lo, original, lt, translation)
        .findings
        .iter()
        .filter(|f| f.severity == provcheck::Severity::Error)
        .count()
}

/// A cross-reference whose title the translated report words its own way is paired by its number;
/// a reference the translation leaves out is still a dropped quotation.
#[test]
fn a_cross_reference_paired_by_its_number() {
    let es = "Las cifras completas figuran en el anexo 4.2, «Reparto de los fondos entre las regiones», \
              del informe anual.\n";
    let en =
        "The full figures are given in annex 4.2, “Sharing Funds Among Regions”, of the annual report.\n";
    let found = findings("es", es, "en", en);
    assert!(!found.iter().any(|f| f.starts_with("quote-")), "{found:?}");
    let en = "The full figures are given in the annual report.\n";
    let found = findings("es", es, "en", en);
    assert!(found.iter().any(|f| f.starts_with("quote-")), "{found:?}");
}

/// A menu item quoted in the original and written without marks in the translation keeps its acronym:
/// the words were rendered, not dropped.
#[test]
fn a_quoted_menu_item_rendered_without_marks() {
    let en =
        "To share the printer, the clerk selects “Enable printing over the network (IPP)” in the settings.\n";
    let fr = "Pour partager l'imprimante, l'employé choisit Activer l'impression par le réseau (IPP) dans les \
              réglages.\n";
    let found = findings("en", en, "fr", fr);
    assert!(!found.iter().any(|f| f.starts_with("quote-dropped")), "{found:?}");
}

/// `a dozen` rendered `десяток` (about ten) is a round count either way; digits grouped with a period
/// in a Russian text (`32.000`) match `32,000`; a real change is still reported.
#[test]
fn round_counts_and_period_grouped_digits() {
    let en = "The fire destroyed a dozen warehouses near the port.\n\nThe insurer expects 32,000 claims this year.\n";
    let ru =
        "Пожар уничтожил десяток складов возле порта.\n\nСтраховщик ожидает 32.000 заявлений в этом году.\n";
    let found = findings("en", en, "ru", ru);
    assert!(!found.iter().any(|f| f.starts_with("number-")), "{found:?}");
    let found = findings("ru", ru, "en", en);
    assert!(!found.iter().any(|f| f.starts_with("number-")), "{found:?}");
    let ru = ru.replace("десяток", "два десятка").replace("32.000", "23.000");
    let found = findings("en", en, "ru", &ru);
    assert_eq!(found.iter().filter(|f| f.starts_with("number-changed")).count(), 2, "{found:?}");
}

/// French `neuf` after its noun or an article is the adjective (new), not nine; Spanish `Este` (this)
/// opening a sentence is no Estonian.
#[test]
fn adjective_neuf_and_sentence_opening_este() {
    let en = "The town bought a new fire engine.\n\nIt replaces an old one.\n";
    let fr = "La commune a acheté un camion de pompiers neuf.\n\nIl remplace un ancien.\n";
    let found = findings("en", en, "fr", fr);
    assert!(!found.iter().any(|f| f.starts_with("number-")), "{found:?}");
    let en9 = "The town bought nine fire engines.\n\nThey replace old ones.\n";
    let fr9 = "La commune a acheté neuf camions de pompiers.\n\nIls remplacent les anciens.\n";
    assert!(!findings("en", en9, "fr", fr9).iter().any(|f| f.starts_with("number-")));
    let fr8 = fr9.replace("neuf", "huit");
    assert!(findings("en", en9, "fr", &fr8).iter().any(|f| f.starts_with("number-changed")));
    let es = "Este año la cosecha de trigo fue buena.\n";
    let en = "This year the wheat harvest was good.\n";
    let found = findings("es", es, "en", en);
    assert!(!found.iter().any(|f| f.starts_with("name-")), "{found:?}");
}

fn soft_negations(code: &str, text: &str) -> Vec<String> {
    claims(code, text).soft_negations.into_iter().map(|m| m.text).collect()
}

/// A negation prefix (`unverified`, `non-binding`, `неподтверждённый`) makes a soft negation; a word that
/// only begins like one (`under`, `united`, `несколько`, `UN-Gipfel`) does not. A negation joined by a
/// hyphen is a prefix too, and one inside an identifier negates nothing.
#[test]
fn negation_prefixes_and_joined_negations() {
    assert_eq!(
        soft_negations("en", "An unverified video showed the unmanned drone."),
        ["unverified", "unmanned"]
    );
    assert!(soft_negations("en", "The United Nations met under pressure in the union hall.").is_empty());
    assert_eq!(soft_negations("en", "The non-binding vote passed."), ["non-binding"]);
    assert!(negations("en", "The non-binding vote passed.").is_empty());
    assert_eq!(negations("en", "The vote was non binding."), ["non"]);
    assert_eq!(soft_negations("fr", "Le texte non-contraignant a été adopté."), ["non-contraignant"]);
    assert!(negations("fr", "Le texte non-contraignant a été adopté.").is_empty());
    assert_eq!(negations("fr", "Une source non identifiée a parlé."), ["non"]);
    assert_eq!(
        soft_negations("ru", "Неподтверждённые данные появились через несколько часов."),
        ["Неподтверждённые"]
    );
    assert!(soft_negations("de", "Beim UN-Gipfel sprach er unter Druck.").is_empty());
    assert_eq!(soft_negations("de", "Die Lage blieb unübersichtlich."), ["unübersichtlich"]);
    assert!(negations("en", "Set FEATURE_NO_CACHE=1 and mode=none.").is_empty());
}

/// `or not` and its renderings, `pas à pas`, `sans aucun` and `а не` are no negations of the claim.
#[test]
fn alternatives_and_idioms_are_no_negations() {
    assert!(negations("en", "Officials would not say whether or not the talks resumed.").len() == 1);
    assert!(negations("en", "It is unclear if the talks resumed or not.").is_empty());
    assert!(negations("fr", "On ignore si la réunion a eu lieu ou non.").is_empty());
    assert!(negations("fr", "Les secouristes avancent pas à pas.").is_empty());
    assert!(negations("fr", "Il a parlé sans aucune hésitation.").is_empty());
    assert!(negations("it", "Non si sa se il vertice si terrà o meno.").len() == 1);
    assert!(negations("es", "Se desconoce si el acuerdo sigue vigente o no.").is_empty());
    assert!(negations("pt", "Não se sabe se o acordo vale ou não.").len() == 1);
    assert!(negations("nl", "Het is onduidelijk of de brug wel of niet opengaat.").is_empty());
    assert!(negations("ru", "Груз доставили морем, а не по воздуху.").is_empty());
}

/// A negation rendered by a prefixed word (`non ufficiale` ↔ `unofficial`) is no flip, but a second
/// negation lost beside it still is.
#[test]
fn prefixed_words_answer_one_negation_each() {
    let it = "Il ministero ha diffuso un bilancio non ufficiale.\n\nLe scuole restano chiuse.\n";
    let en = "The ministry released an unofficial toll.\n\nSchools remain closed.\n";
    assert_eq!(findings("it", it, "en", en), Vec::<String>::new());
    assert_eq!(findings("en", en, "it", it), Vec::<String>::new());
    let it = "Il ministero non ha confermato il bilancio non ufficiale.\n\nLe scuole restano chiuse.\n";
    let en = "The ministry confirmed the unofficial toll.\n\nSchools remain closed.\n";
    assert_eq!(
        findings("it", it, "en", en),
        ["negation-flipped: negation dropped: the original's `non` has no counterpart"]
    );
    let en = "The ministry did not confirm the unofficial toll.\n\nSchools remain closed.\n";
    assert_eq!(findings("it", it, "en", en), Vec::<String>::new());
}
