//! The emergency number a handout prints: the one for the system's region (from the locale, as the C library
//! reads it), and the check a number typed into Settings must pass. The number itself is a clinic setting
//! (`files::settings::Settings::emergency_number`), filled from here by default; `SafetyText` never prints a blank
//! one.

/// The number printed when none is known: the European emergency number, which also reaches emergency services
/// from mobile phones in many countries outside Europe.
pub const FALLBACK_EMERGENCY_NUMBER: &str = "112";

/// The emergency number for a system locale, and whether it was known or guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmergencyNumber {
    pub number: &'static str,
    /// For the therapist, when the region could not be told from the locale: "check it in Settings".
    pub note: Option<String>,
}

/// Countries whose emergency number is 112 (the EU, the EEA, Switzerland and the rest of Europe that uses it).
const EUROPE_112: [&str; 44] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT", "LV", "LT", "LU", "MT", "NL",
    "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "AL", "AD", "BA", "ME", "MK", "MD", "MC", "RS",
    "SM", "UA", "TR", "GE", "AM", "FO",
];

/// The emergency number for a locale name as `LANG` holds it (`en_GB.UTF-8`, `de_AT@euro`, `fr-CA`).
#[must_use]
pub fn emergency_number_for_locale(locale: &str) -> EmergencyNumber {
    let country = locale_country(locale);
    let known = match country.as_deref() {
        Some("GB" | "UK" | "IE") => Some("999"),
        Some("US" | "CA") => Some("911"),
        Some("AU") => Some("000"),
        Some("NZ") => Some("111"),
        Some(code) if EUROPE_112.contains(&code) => Some("112"),
        _ => None,
    };
    match known {
        Some(number) => EmergencyNumber { number, note: None },
        None => EmergencyNumber {
            number: FALLBACK_EMERGENCY_NUMBER,
            note: Some(match country {
                Some(code) => format!(
                    "Stepwise does not know the emergency number for your region ({code}) and has filled in 112: \
                     check it, and change it if your patients call another number."
                ),
                None => "Stepwise could not tell your region from the system settings and has filled in 112: \
                         check it, and change it if your patients call another number."
                    .to_owned(),
            }),
        },
    }
}

/// The emergency number from the environment the way the C library reads the locale: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, the first one set and not empty. `var` is `std::env::var(..).ok()` in the app;
/// tests pass their own.
pub fn emergency_number_from_env(var: impl Fn(&str) -> Option<String>) -> EmergencyNumber {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|value| !value.trim().is_empty()))
        .unwrap_or_default();
    emergency_number_for_locale(&locale)
}

/// "GB" from "en_GB.UTF-8"; `None` for "C", "POSIX" or a language alone ("de").
fn locale_country(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    let country = base.split(['_', '-']).nth(1)?;
    (country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic())).then(|| country.to_ascii_uppercase())
}

/// An emergency number typed into Settings, checked: the number as the patient dials it (trimmed), or why it
/// cannot be printed. Blank is refused (the handout would tell a patient with a clot in the lung to call
/// nothing); so is anything but 2 to 8 digits, since every emergency number is dialled with digits alone (999,
/// 112, 911, 000, 111, 10111).
pub fn check_emergency_number(text: &str) -> Result<String, String> {
    let number = text.trim();
    if number.is_empty() {
        return Err("The emergency number is blank: every handout tells the patient which number to call if a \
                    clot may have reached the lung. Type the number your patients dial (999 in the UK, 112 in \
                    most of Europe, 911 in the US and Canada, 000 in Australia, 111 in New Zealand)."
            .to_owned());
    }
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if number.chars().any(|c| !c.is_ascii_digit()) {
        return Err(format!(
            "“{number}” is not a phone number: type the emergency number in digits only, as the patient dials it \
             (999, 112, 911)."
        ));
    }
    if !(2..=8).contains(&digits) {
        return Err(format!(
            "“{number}” has {digits} digit{}: an emergency number has 2 to 8 (999, 112, 10111).",
            if digits == 1 { "" } else { "s" }
        ));
    }
    Ok(number.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_give_their_emergency_number() {
        for (locale, number) in [
            ("en_GB.UTF-8", "999"),
            ("cy_GB.UTF-8", "999"),
            ("de_AT@euro", "112"),
            ("fr_FR.UTF-8", "112"),
            ("pl_PL.UTF-8", "112"),
            ("en_US.UTF-8", "911"),
            ("fr_CA.UTF-8", "911"),
            ("en_AU.UTF-8", "000"),
            ("en_NZ.UTF-8", "111"),
            ("en-GB", "999"),
        ] {
            let found = emergency_number_for_locale(locale);
            assert_eq!(found.number, number, "{locale}");
            assert!(found.note.is_none(), "{locale}");
        }
    }

    #[test]
    fn an_unknown_region_gets_112_and_a_note() {
        for locale in ["C", "POSIX", "", "de", "ja_JP.UTF-8"] {
            let found = emergency_number_for_locale(locale);
            assert_eq!(found.number, "112", "{locale}");
            assert!(found.note.as_deref().is_some_and(|n| n.contains("112")), "{locale}");
        }
    }

    #[test]
    fn the_environment_is_read_in_the_c_library_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(emergency_number_from_env(env(&[("LANG", "en_US.UTF-8")])).number, "911");
        assert_eq!(
            emergency_number_from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")])).number,
            "999"
        );
        assert_eq!(
            emergency_number_from_env(env(&[("LC_ALL", "en_NZ.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")])).number,
            "111"
        );
        assert_eq!(emergency_number_from_env(env(&[("LC_ALL", ""), ("LANG", "en_AU.UTF-8")])).number, "000");
    }

    #[test]
    fn a_typed_number_is_digits_and_never_blank() {
        for good in ["999", " 112 ", "000", "10111", "17"] {
            assert_eq!(check_emergency_number(good).as_deref(), Ok(good.trim()), "{good:?}");
        }
        for (bad, says) in [
            ("", "blank"),
            ("   ", "blank"),
            ("nine nine nine", "not a phone number"),
            ("999!", "not a phone number"),
            ("+44 999", "not a phone number"),
            ("9", "1 digit"),
            ("123456789", "9 digits"),
        ] {
            let error = check_emergency_number(bad).expect_err(bad);
            assert!(error.contains(says), "{bad:?}: {error}");
        }
    }
}
