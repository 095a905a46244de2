//! Terms per language, as written in a profile (`terms.en = [...]`, `terms.all = [...]`).

use std::collections::BTreeMap;

use crate::lang::EuLanguage;

/// Words or phrases keyed by language; the key `all` (stored as `None`) holds language-neutral
/// terms such as product names and certifications.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    by_language: BTreeMap<Option<EuLanguage>, Vec<String>>,
}

impl Terms {
    /// Builds terms from (language, term) pairs; `None` means language-neutral.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Option<EuLanguage>, String)>) -> Terms {
        let mut by_language: BTreeMap<Option<EuLanguage>, Vec<String>> = BTreeMap::new();
        for (language, term) in pairs {
            by_language.entry(language).or_default().push(term);
        }
        Terms { by_language }
    }

    /// No term in any language.
    pub fn is_empty(&self) -> bool {
        self.by_language.values().all(Vec::is_empty)
    }

    /// Whether terms are given for this language (`None`: the neutral list).
    pub fn has_language(&self, language: Option<EuLanguage>) -> bool {
        self.by_language
            .get(&language)
            .is_some_and(|terms| !terms.is_empty())
    }

    /// The terms that apply to a CV written in `language`: the neutral ones, the English ones
    /// (technical English appears in CVs of every language) and the CV language's own. A CV of
    /// unknown language is matched against every language.
    pub fn for_cv(&self, language: Option<EuLanguage>) -> Vec<&str> {
        let mut terms: Vec<&str> = self
            .by_language
            .iter()
            .filter(|(key, _)| match (key, language) {
                (None, _) | (Some(EuLanguage::En), _) | (_, None) => true,
                (Some(key), Some(language)) => *key == language,
            })
            .flat_map(|(_, terms)| terms.iter().map(String::as_str))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// Every (language, term) pair, for building queries over all language fields.
    pub fn pairs(&self) -> impl Iterator<Item = (Option<EuLanguage>, &str)> {
        self.by_language
            .iter()
            .flat_map(|(language, terms)| terms.iter().map(move |term| (*language, term.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cv_sees_neutral_english_and_its_own_terms() {
        let terms = Terms::from_pairs([
            (None, "AWS".to_string()),
            (Some(EuLanguage::En), "cloud security".to_string()),
            (Some(EuLanguage::Fr), "sécurité du cloud".to_string()),
            (Some(EuLanguage::De), "Cloud-Sicherheit".to_string()),
        ]);
        assert_eq!(
            terms.for_cv(Some(EuLanguage::Fr)),
            vec!["AWS", "cloud security", "sécurité du cloud"]
        );
        assert_eq!(terms.for_cv(None).len(), 4);
    }
}
