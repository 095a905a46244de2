//! Facts extracted from CV text (NFKC-normalised, any official EU language): dated periods, experience
//! entries, highest degree, language levels, certifications and security clearance. Everything here is pure
//! and deterministic: "present"/"today" always resolves to the caller's `present` argument, never the clock.

pub mod certifications;
pub mod clearance;
pub mod dates;
pub mod degree;
pub mod experience;
pub mod languages;
mod months;

pub use certifications::certifications;
pub use clearance::{clearance, Clearance, ClearanceStatus};
pub use dates::{find_periods, union_months, DatedPeriod, YearMonth};
pub use degree::{highest_degree, Degree, DegreeLevel};
pub use experience::{experience_entries, ExperienceEntry};
pub use languages::{language_skills, Cefr, LanguageSkill};
