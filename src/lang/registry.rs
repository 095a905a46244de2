//! The 24 official EU languages and what each supporting library knows of them.

use whatlang::Lang;

/// An official language of the European Union, by ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum EuLanguage {
    Bg,
    Cs,
    Da,
    De,
    El,
    En,
    Es,
    Et,
    Fi,
    Fr,
    Ga,
    Hr,
    Hu,
    It,
    Lt,
    Lv,
    Mt,
    Nl,
    Pl,
    Pt,
    Ro,
    Sk,
    Sl,
    Sv,
}

impl EuLanguage {
    /// Every official language, in code order.
    pub const ALL: [EuLanguage; 24] = [
        EuLanguage::Bg,
        EuLanguage::Cs,
        EuLanguage::Da,
        EuLanguage::De,
        EuLanguage::El,
        EuLanguage::En,
        EuLanguage::Es,
        EuLanguage::Et,
        EuLanguage::Fi,
        EuLanguage::Fr,
        EuLanguage::Ga,
        EuLanguage::Hr,
        EuLanguage::Hu,
        EuLanguage::It,
        EuLanguage::Lt,
        EuLanguage::Lv,
        EuLanguage::Mt,
        EuLanguage::Nl,
        EuLanguage::Pl,
        EuLanguage::Pt,
        EuLanguage::Ro,
        EuLanguage::Sk,
        EuLanguage::Sl,
        EuLanguage::Sv,
    ];

    /// The ISO 639-1 code written in the CSV and used as profile keys.
    pub fn code(self) -> &'static str {
        match self {
            EuLanguage::Bg => "bg",
            EuLanguage::Cs => "cs",
            EuLanguage::Da => "da",
            EuLanguage::De => "de",
            EuLanguage::El => "el",
            EuLanguage::En => "en",
            EuLanguage::Es => "es",
            EuLanguage::Et => "et",
            EuLanguage::Fi => "fi",
            EuLanguage::Fr => "fr",
            EuLanguage::Ga => "ga",
            EuLanguage::Hr => "hr",
            EuLanguage::Hu => "hu",
            EuLanguage::It => "it",
            EuLanguage::Lt => "lt",
            EuLanguage::Lv => "lv",
            EuLanguage::Mt => "mt",
            EuLanguage::Nl => "nl",
            EuLanguage::Pl => "pl",
            EuLanguage::Pt => "pt",
            EuLanguage::Ro => "ro",
            EuLanguage::Sk => "sk",
            EuLanguage::Sl => "sl",
            EuLanguage::Sv => "sv",
        }
    }

    /// Parses an ISO 639-1 code (case-insensitive).
    pub fn from_code(code: &str) -> Option<EuLanguage> {
        let code = code.trim().to_ascii_lowercase();
        EuLanguage::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// whatlang's name for the language; Irish and Maltese are unknown to whatlang.
    pub fn whatlang(self) -> Option<Lang> {
        Some(match self {
            EuLanguage::Bg => Lang::Bul,
            EuLanguage::Cs => Lang::Ces,
            EuLanguage::Da => Lang::Dan,
            EuLanguage::De => Lang::Deu,
            EuLanguage::El => Lang::Ell,
            EuLanguage::En => Lang::Eng,
            EuLanguage::Es => Lang::Spa,
            EuLanguage::Et => Lang::Est,
            EuLanguage::Fi => Lang::Fin,
            EuLanguage::Fr => Lang::Fra,
            EuLanguage::Hr => Lang::Hrv,
            EuLanguage::Hu => Lang::Hun,
            EuLanguage::It => Lang::Ita,
            EuLanguage::Lt => Lang::Lit,
            EuLanguage::Lv => Lang::Lav,
            EuLanguage::Nl => Lang::Nld,
            EuLanguage::Pl => Lang::Pol,
            EuLanguage::Pt => Lang::Por,
            EuLanguage::Ro => Lang::Ron,
            EuLanguage::Sk => Lang::Slk,
            EuLanguage::Sl => Lang::Slv,
            EuLanguage::Sv => Lang::Swe,
            EuLanguage::Ga | EuLanguage::Mt => return None,
        })
    }

    /// The Snowball stemmer (frostem) for the language. Slovak borrows Czech's; Bulgarian,
    /// Croatian, Latvian, Maltese and Slovenian have none (fold only: the profile lists their forms).
    pub fn stemmer(self) -> Option<frostem::Algorithm> {
        use frostem::Algorithm;
        Some(match self {
            EuLanguage::Cs | EuLanguage::Sk => Algorithm::Czech,
            EuLanguage::Da => Algorithm::Danish,
            EuLanguage::De => Algorithm::German,
            EuLanguage::El => Algorithm::Greek,
            EuLanguage::En => Algorithm::English,
            EuLanguage::Es => Algorithm::Spanish,
            EuLanguage::Et => Algorithm::Estonian,
            EuLanguage::Fi => Algorithm::Finnish,
            EuLanguage::Fr => Algorithm::French,
            EuLanguage::Ga => Algorithm::Irish,
            EuLanguage::Hu => Algorithm::Hungarian,
            EuLanguage::It => Algorithm::Italian,
            EuLanguage::Lt => Algorithm::Lithuanian,
            EuLanguage::Nl => Algorithm::Dutch,
            EuLanguage::Pl => Algorithm::Polish,
            EuLanguage::Pt => Algorithm::Portuguese,
            EuLanguage::Ro => Algorithm::Romanian,
            EuLanguage::Sv => Algorithm::Swedish,
            EuLanguage::Bg | EuLanguage::Hr | EuLanguage::Lv | EuLanguage::Mt | EuLanguage::Sl => {
                return None
            }
        })
    }
}

impl std::fmt::Display for EuLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Written as its ISO 639-1 code, as everywhere a language leaves memory.
impl serde::Serialize for EuLanguage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for EuLanguage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        EuLanguage::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("not an EU language code: {code:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for language in EuLanguage::ALL {
            assert_eq!(EuLanguage::from_code(language.code()), Some(language));
        }
        assert_eq!(EuLanguage::from_code("ru"), None);
    }
}
