//! One tantivy query per criterion: any of its terms, in any language field, each analysed by
//! that field's own analyser (so a French CV is searched with French stems), and every term as
//! written in the unstemmed field.

use tantivy::query::{BooleanQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::analysis::analyse_phrase;
use crate::index::CvIndex;
use crate::lang::EuLanguage;
use crate::profile::{Criterion, CriterionRule};

/// The query for an evidence criterion (None for criteria read from facts).
pub fn for_criterion(index: &CvIndex, criterion: &Criterion) -> Option<BooleanQuery> {
    let CriterionRule::Evidence { groups, .. } = &criterion.rule else {
        return None;
    };
    let languages = EuLanguage::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None));
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    for language in languages {
        let field = index.fields().body(language);
        let mut analyzer = index.analyzer_for(language);
        let mut seen = std::collections::HashSet::new();
        // The unknown-language field holds every CV unstemmed: look for every term as written.
        let terms: Vec<&str> = match language {
            Some(_) => groups
                .iter()
                .flat_map(|group| group.terms.for_cv(language))
                .collect(),
            None => groups
                .iter()
                .flat_map(|group| group.terms.pairs().map(|(_, term)| term))
                .collect(),
        };
        for term in terms {
            let words = analyse_phrase(&mut analyzer, term);
            if words.is_empty() || !seen.insert(words.clone()) {
                continue;
            }
            let terms: Vec<Term> = words
                .iter()
                .map(|word| Term::from_field_text(field, word))
                .collect();
            if terms.len() == 1 {
                clauses.push(Box::new(TermQuery::new(
                    terms[0].clone(),
                    IndexRecordOption::Basic,
                )));
            } else {
                clauses.push(Box::new(PhraseQuery::new(terms)));
            }
        }
    }
    Some(BooleanQuery::union(clauses))
}
