//! Splitting the work-experience section of a CV into dated entries, one per date line.
//! (Which lines form that section is decided by `analysis::sections`, not here.)

use super::dates::{find_periods, DatedPeriod, YearMonth};
use crate::text::lines_with_offsets;

/// One job (or other dated activity) in the CV: its period and the text from its date line onwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExperienceEntry<'a> {
    /// The first date range on the entry's first line.
    pub period: DatedPeriod,
    /// The entry text: from the start of the date line to the next date line or heading (trailing space trimmed).
    pub text: &'a str,
}

/// Splits experience text into entries: each starts at a line containing a date range and runs
/// until the next such line.
pub fn experience_entries(text: &str, present: YearMonth) -> Vec<ExperienceEntry<'_>> {
    let periods = find_periods(text, present);
    let mut out = Vec::new();
    let mut open: Option<(DatedPeriod, usize)> = None;
    for (start, line) in lines_with_offsets(text) {
        let end = start + line.len();
        let dated = periods
            .iter()
            .find(|p| p.span.start >= start && p.span.start < end.max(start + 1));
        if let Some(period) = dated {
            if let Some((period, from)) = open.take() {
                out.push(ExperienceEntry {
                    period,
                    text: text[from..start].trim_end(),
                });
            }
            open = Some((period.clone(), start));
        }
    }
    if let Some((period, from)) = open {
        out.push(ExperienceEntry {
            period,
            text: text[from..].trim_end(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: YearMonth = YearMonth::new(2024, 6);

    #[test]
    fn splits_jobs_at_date_lines() {
        let cv = "03.2018 – obecnie  CERT Polska\nAnalityk SOC\n- obsługa incydentów\n\n01/2015 – 02/2018 Bank X\nAdministrator sieci\n";
        let e = experience_entries(cv, NOW);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].period.start, YearMonth::new(2018, 3));
        assert_eq!(e[0].period.end, NOW);
        assert_eq!(
            e[0].text,
            "03.2018 – obecnie  CERT Polska\nAnalityk SOC\n- obsługa incydentów"
        );
        assert_eq!(e[1].text, "01/2015 – 02/2018 Bank X\nAdministrator sieci");
    }

    #[test]
    fn text_without_dates_has_no_entries() {
        assert!(experience_entries("SOC analyst\nSIEM", NOW).is_empty());
    }
}
