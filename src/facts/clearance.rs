//! Evidence of a security clearance, held or obtainable.

use std::sync::OnceLock;

use crate::text::{fold, hits_by_line, lines_with_offsets, Folded, Needles};

/// Whether the candidate holds a clearance or could obtain one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ClearanceStatus {
    /// A clearance is held (EU SECRET, NATO SECRET, a national clearance...).
    Held,
    /// The candidate is willing or eligible to undergo vetting.
    Obtainable,
}

/// The clearance evidence found, with the line quoted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Clearance {
    /// Held or obtainable.
    pub status: ClearanceStatus,
    /// The CV line that says so.
    pub quote: String,
}

/// Classification levels whose mention means a clearance at that level.
const LEVELS: &[&str] = &[
    "eu secret",
    "secret ue",
    "secret eu",
    "ue secret",
    "eu top secret",
    "très secret ue",
    "eu confidential",
    "confidentiel ue",
    "confidential ue",
    "nato secret",
    "nato confidential",
    "cosmic top secret",
    "secret défense",
    "confidentiel défense",
    "ue/eu secret",
    "secret ue/eu",
    "eu restricted",
];
/// Words for a personnel security clearance or vetting, in the EU languages.
const CLEARANCE: &[&str] = &[
    "security clearance",
    "personnel security clearance",
    "psc",
    "security vetting",
    "vetting",
    "clearance",
    "habilitation",
    "habilitation de sécurité",
    "habilité",
    "sicherheitsüberprüfung",
    "ü2",
    "ü3",
    "poświadczenie bezpieczeństwa",
    "poświadczenia bezpieczeństwa",
    "εξουσιοδότηση ασφαλείας",
    "habilitación de seguridad",
    "habilitación personal de seguridad",
    "nulla osta di sicurezza",
    "nos",
    "verklaring van geen bezwaar",
    "veiligheidsmachtiging",
    "credenciação de segurança",
    "certificat de securitate",
    "säkerhetsprövning",
    "sikkerhedsgodkendelse",
    "turvallisuusselvitys",
    "bezpečnostní prověrka",
    "bezpečnostní prověrku",
    "bezpečnostná previerka",
    "nemzetbiztonsági ellenőrzés",
    "személyi biztonsági tanúsítvány",
    "sigurnosni certifikat",
    "dovoljenje za dostop do tajnih podatkov",
    "leidimas dirbti su įslaptinta informacija",
    "juurdepääsuluba",
    "разрешение за достъп",
    "security clearance level",
];
/// Words that make a clearance mention a willingness or eligibility rather than a held clearance.
const OBTAINABLE: &[&str] = &[
    "willing",
    "eligible",
    "able to obtain",
    "can obtain",
    "could obtain",
    "ready to",
    "prepared to",
    "pending",
    "in progress",
    "applied",
    "prêt",
    "prête",
    "disposé",
    "disposée",
    "éligible",
    "susceptible",
    "en cours",
    "bereit",
    "bereitschaft",
    "gotów",
    "gotowy",
    "gotowa",
    "w trakcie",
    "πρόθυμ*",
    "διατεθειμέν*",
    "dispuest*",
    "disponibile",
    "disposto",
    "disposta",
    "bereid",
    "villig",
    "valmis",
    "ochot*",
    "pripraven*",
    "dispus",
    "dispusă",
    "hajland*",
    "spreman",
    "spremna",
    "pripravljen*",
    "pasiruoš*",
    "gatav*",
    "готов*",
    "lest",
    "disponível",
    "disposto a",
];
/// Words that negate a clearance mention ("no clearance") unless it is also obtainable.
const NEGATIONS: &[&str] = &[
    "no",
    "not",
    "none",
    "without",
    "pas de",
    "sans",
    "keine",
    "kein",
    "brak",
    "sin",
    "senza",
    "χωρίς",
    "geen",
];

/// The needle lists a line is read against, in the order of their bits in a line's mask.
const LISTS: [&[&str]; 4] = [LEVELS, CLEARANCE, OBTAINABLE, NEGATIONS];
/// Mask bit of a line naming a classification level (`LEVELS`).
const LEVEL: u8 = 1;
/// Mask bit of a line naming a clearance (`CLEARANCE`).
const CLEARANCE_WORD: u8 = 2;
/// Mask bit of a line saying a clearance is obtainable (`OBTAINABLE`).
const OBTAINABLE_WORD: u8 = 4;
/// Mask bit of a line negating (`NEGATIONS`).
const NEGATION: u8 = 8;

/// Every needle of `LISTS` folded in one automaton, with the mask bit of its list.
fn needles() -> &'static (Needles, Vec<u8>) {
    static NEEDLES: OnceLock<(Needles, Vec<u8>)> = OnceLock::new();
    NEEDLES.get_or_init(|| {
        let folded: Vec<(String, u8)> = LISTS
            .iter()
            .enumerate()
            .flat_map(|(list, needles)| needles.iter().map(move |n| (fold(n), 1 << list)))
            .collect();
        (
            Needles::new(folded.iter().map(|(needle, _)| needle.as_str())),
            folded.iter().map(|&(_, bit)| bit).collect(),
        )
    })
}

/// Security clearance evidence: `Held` wins over `Obtainable`; the first line of the winning kind is quoted.
pub fn clearance(text: &str) -> Option<Clearance> {
    clearance_in(&Folded::new(text))
}

/// [`clearance`] in a text already folded (the scorer folds a CV once for every fact).
pub(crate) fn clearance_in(folded: &Folded) -> Option<Clearance> {
    let (needles, bits) = needles();
    let lines = lines_with_offsets(&folded.text);
    let mut obtainable: Option<usize> = None;
    for (hits, &(offset, _)) in hits_by_line(&lines, needles.hits(&folded.text))
        .iter()
        .zip(&lines)
    {
        let mask = hits.iter().fold(0, |mask, hit| mask | bits[hit.needle]);
        if mask & (LEVEL | CLEARANCE_WORD) == 0 {
            continue;
        }
        if mask & OBTAINABLE_WORD != 0 {
            obtainable.get_or_insert(offset);
        } else if mask & NEGATION == 0 {
            return Some(Clearance {
                status: ClearanceStatus::Held,
                quote: folded.quote_at(offset),
            });
        }
    }
    obtainable.map(|o| Clearance {
        status: ClearanceStatus::Obtainable,
        quote: folded.quote_at(o),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(text: &str) -> Option<ClearanceStatus> {
        clearance(text).map(|c| c.status)
    }

    #[test]
    fn held_in_several_languages() {
        for text in [
            "Security clearance: EU SECRET (valid until 2027)",
            "NATO SECRET clearance",
            "Habilitation Secret Défense",
            "Habilitation SECRET UE",
            "Erweiterte Sicherheitsüberprüfung (Ü2)",
            "Posiadam poświadczenie bezpieczeństwa do klauzuli „tajne”",
            "Εξουσιοδότηση ασφαλείας NATO SECRET",
            "Habilitación Personal de Seguridad (HPS) nivel SECRET UE",
            "Nulla osta di sicurezza (NOS) livello SEGRETO",
        ] {
            assert_eq!(status(text), Some(ClearanceStatus::Held), "{text}");
        }
    }

    #[test]
    fn obtainable_in_several_languages() {
        for text in [
            "Willing to undergo security vetting",
            "Eligible for EU security clearance",
            "Prêt à me soumettre à une habilitation de sécurité",
            "Bereit zur Sicherheitsüberprüfung",
            "Gotowy do uzyskania poświadczenia bezpieczeństwa",
            "Πρόθυμος για εξουσιοδότηση ασφαλείας",
            "Dispuesto a obtener habilitación de seguridad",
            "Disponibile al nulla osta di sicurezza",
        ] {
            assert_eq!(status(text), Some(ClearanceStatus::Obtainable), "{text}");
        }
    }

    #[test]
    fn held_beats_obtainable_and_quotes_line() {
        let c =
            clearance("Willing to undergo vetting\n  Holder of NATO SECRET clearance  \n").unwrap();
        assert_eq!(c.status, ClearanceStatus::Held);
        assert_eq!(c.quote, "Holder of NATO SECRET clearance");
    }

    #[test]
    fn nothing_or_negated() {
        assert_eq!(status("Incident handling, SIEM, forensics"), None);
        assert_eq!(status("No security clearance"), None);
    }
}
