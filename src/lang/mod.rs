//! Language stage: which official EU language a CV is written in.
//!
//! whatlang knows 22 of the 24 official languages (not Irish, not Maltese). Detection runs per
//! chunk of lines, restricted to the EU languages, and the language with the most reliably detected
//! characters wins; a CV with too little reliable text is `unknown`. Only the candidate's own
//! prose counts (see `prose_lines`): the personal header, skills and language lists (technical
//! English in every CV) and an appended application form (often in English whatever the CV's
//! language) are left out, unless nothing else is left.

mod registry;

pub use registry::EuLanguage;

use whatlang::Detector;

use crate::analysis::sections::{self, Line, Section};

/// Lines are grouped into chunks of at least this many characters, each detected on its own
/// and voting with its letters. CV lines are short and whatlang is unreliable on a few words;
/// it also compares every chunk with the trigram profile of each language, a cost per chunk
/// that chunks of 240 characters made most of detection's time. A CV's few chunks still let
/// its own language outvote a pasted section in another.
const CHUNK_CHARS: usize = 720;
/// The winner must hold at least this share of the reliably detected characters.
const MIN_MAJORITY_SHARE: f64 = 0.4;
/// Below this many reliably detected characters the language is unknown.
const MIN_RELIABLE_CHARS: usize = 60;
/// Detection stops after this many bytes of prose (about 300 words, two or three chunks): a
/// CV's language shows in its first paragraphs of work and education, and whatlang's cost grows
/// with the text.
const MAX_SAMPLE_BYTES: usize = 2000;

/// Detects the dominant official EU language of `pages`; `None` means unknown.
pub fn detect(pages: &[&str]) -> Option<EuLanguage> {
    detect_in(&sections::split(pages))
}

/// [`detect`] on pages already split into lines (the scorer needs the same split).
pub fn detect_in(lines: &[Line]) -> Option<EuLanguage> {
    let detector = Detector::with_allowlist(
        EuLanguage::ALL
            .iter()
            .filter_map(|l| l.whatlang())
            .collect(),
    );
    // Each chunk within the byte budget votes for its language with its letters.
    let sample: Vec<(String, usize)> = chunks(&prose_lines(lines), MAX_SAMPLE_BYTES)
        .into_iter()
        .map(|chunk| {
            let letters = chunk.chars().filter(|c| c.is_alphabetic()).count();
            (chunk, letters)
        })
        .collect();
    let mut unread: usize = sample.iter().map(|(_, letters)| letters).sum();
    let mut weights = [0usize; EuLanguage::ALL.len()];
    for (chunk, letters) in &sample {
        unread -= letters;
        let Some(info) = detector.detect(chunk) else {
            continue;
        };
        if info.confidence() < 0.5 {
            continue;
        }
        if let Some(position) = EuLanguage::ALL
            .iter()
            .position(|l| l.whatlang() == Some(info.lang()))
        {
            weights[position] += letters;
        }
        if settled(&weights, unread) {
            break;
        }
    }
    verdict(&weights)
}

/// The language with most votes, if it has enough of them.
fn verdict(weights: &[usize]) -> Option<EuLanguage> {
    let total: usize = weights.iter().sum();
    let (best, votes) = leader(weights)?;
    if total < MIN_RELIABLE_CHARS || (votes as f64) < MIN_MAJORITY_SHARE * total as f64 {
        return None;
    }
    Some(EuLanguage::ALL[best])
}

/// The position and votes of the language with most votes, ties going to the earlier language.
fn leader(weights: &[usize]) -> Option<(usize, usize)> {
    weights
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(position, votes)| (votes, std::cmp::Reverse(position)))
}

/// True when no way of spending the `unread` letters' votes could change the [`verdict`], so
/// detecting the rest would be wasted: enough letters already count, the leader stays strictly
/// ahead even if another language takes them all, and keeps its majority share even if none go
/// to it.
fn settled(weights: &[usize], unread: usize) -> bool {
    let Some((best, votes)) = leader(weights) else {
        return false;
    };
    let total: usize = weights.iter().sum();
    let runner_up = weights
        .iter()
        .enumerate()
        .filter(|&(position, _)| position != best)
        .map(|(_, &other)| other)
        .max()
        .unwrap_or(0);
    total >= MIN_RELIABLE_CHARS
        && votes > runner_up + unread
        && (votes as f64) >= MIN_MAJORITY_SHARE * (total + unread) as f64
}

/// The lines written in the candidate's own words, most telling first: the work experience and
/// education entries; then summaries and other prose; then, failing those, every line. (A pasted
/// posting or a keyword list in a summary must not outvote the CV's own language.)
fn prose_lines<'a>(lines: &[Line<'a>]) -> Vec<&'a str> {
    let pick = |wanted: &[Section]| -> Vec<&'a str> {
        lines
            .iter()
            .filter(|line| wanted.contains(&line.section))
            .map(|line| line.text)
            .collect()
    };
    let enough = |chosen: &Vec<&str>| {
        chosen.iter().map(|line| line.len()).sum::<usize>() >= MIN_RELIABLE_CHARS * 2
    };
    let own_work = pick(&[Section::Experience, Section::Education]);
    if enough(&own_work) {
        return own_work;
    }
    let prose = pick(&[Section::Experience, Section::Education, Section::Other]);
    if enough(&prose) {
        return prose;
    }
    lines.iter().map(|line| line.text).collect()
}

/// Groups lines into chunks of at least [`CHUNK_CHARS`] characters (the last may be shorter),
/// until the chunks made hold `budget` bytes.
fn chunks(lines: &[&str], budget: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut bytes = 0;
    let mut current = String::new();
    let mut current_chars = 0;
    for line in lines {
        if bytes >= budget {
            return chunks;
        }
        let line = line.trim();
        if !current.is_empty() {
            current.push(' ');
            current_chars += 1;
        }
        current.push_str(line);
        current_chars += line.chars().count();
        if current_chars >= CHUNK_CHARS {
            bytes += current.len();
            chunks.push(std::mem::take(&mut current));
            current_chars = 0;
        }
    }
    if !current.trim().is_empty() {
        chunks.push(current);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(leading: usize, second: usize) -> Vec<usize> {
        let mut weights = vec![0; EuLanguage::ALL.len()];
        weights[3] = leading;
        weights[1] = second;
        weights
    }

    #[test]
    fn detection_stops_only_when_the_rest_cannot_change_the_verdict() {
        // Another language taking every unread letter would still trail, and the leader
        // would keep 300 / (300 + 200) of the votes.
        assert!(settled(&votes(300, 0), 200));
        // 300 against 100 + 250 unread: the runner-up could still overtake.
        assert!(!settled(&votes(300, 100), 250));
        // A tie with the unread letters is not a lead: ties go to the earlier language.
        assert!(!settled(&votes(300, 100), 200));
        // Too few letters counted so far to be reliable, whatever comes.
        assert!(!settled(&votes(50, 0), 0));
        // The lead is safe but the share could fall under the majority threshold.
        // (300 > 100 + 190, but 300 < 0.4 × (600 + 190).)
        let mut scattered = votes(300, 100);
        scattered[5] = 100;
        scattered[7] = 100;
        assert!(!settled(&scattered, 190));
        assert!(settled(&scattered, 150));
        assert_eq!(verdict(&votes(300, 0)), Some(EuLanguage::ALL[3]));
    }

    #[test]
    fn lines_are_chunked_until_the_byte_budget_is_spent() {
        let line = "x".repeat(300);
        let lines = vec![line.as_str(); 10];
        // Three lines and two spaces reach CHUNK_CHARS; the second chunk spends the budget.
        let sampled = chunks(&lines, 1500);
        assert_eq!(sampled.len(), 2);
        assert!(sampled.iter().all(|chunk| chunk.len() == 902));
        // Without a budget to stop it, the last line makes a short chunk of its own.
        let all = chunks(&lines, usize::MAX);
        assert_eq!(all.len(), 4);
        assert_eq!(all[3].len(), 300);
    }

    #[test]
    fn detects_the_majority_language() {
        let french = "Responsable de la sécurité des systèmes d'information depuis 2016. J'ai conduit des audits \
            de sécurité selon la norme ISO 27001 et organisé des sessions de sensibilisation pour le personnel.";
        let english = "Skills: Azure, AWS";
        assert_eq!(detect(&[french, english]), Some(EuLanguage::Fr));
    }

    #[test]
    fn greek_and_polish_are_detected() {
        let greek = "Υπεύθυνος ασφάλειας πληροφοριακών συστημάτων με εμπειρία στην απόκριση σε περιστατικά \
            και στην εκπαίδευση των χρηστών για την ευαισθητοποίηση σε θέματα ασφάλειας.";
        let polish =
            "Specjalista ds. bezpieczeństwa teleinformatycznego z doświadczeniem w reagowaniu na \
            incydenty, audytach bezpieczeństwa i szkoleniach podnoszących świadomość pracowników.";
        assert_eq!(detect(&[greek]), Some(EuLanguage::El));
        assert_eq!(detect(&[polish]), Some(EuLanguage::Pl));
    }

    #[test]
    fn too_little_text_is_unknown() {
        assert_eq!(detect(&["CISSP"]), None);
        assert_eq!(detect(&[]), None);
    }
}
