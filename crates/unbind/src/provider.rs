//! The providers this crate talks to, by name ([`Display`](fmt::Display)) and by tag
//! ([`Provider::tag`], [`FromStr`]).

use std::fmt;
use std::str::FromStr;

/// The providers this crate talks to.
///
/// Displays as its name (`MantaGo`, `OneAccess`, `CloudBase`); [`Provider::tag`] is its tag in
/// bulk input and journal lines and on the command line, which [`FromStr`] parses back:
///
/// ```
/// use unbind::Provider;
///
/// assert_eq!(Provider::Manta.to_string(), "MantaGo");
/// assert_eq!(Provider::Manta.tag(), "manta");
/// assert_eq!("oneaccess".parse(), Ok(Provider::OneAccess));
/// assert!("OneAccess".parse::<Provider>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// MantaGo OpenAPI.
    Manta,
    /// Huawei Cloud OneAccess, user-side SDK API.
    OneAccess,
    /// Tencent CloudBase auth v1.
    CloudBase,
}

impl Provider {
    /// The provider's name in input and journal lines (and on the command line): `manta`,
    /// `oneaccess` or `cloudbase`.
    pub fn tag(self) -> &'static str {
        match self {
            Provider::Manta => "manta",
            Provider::OneAccess => "oneaccess",
            Provider::CloudBase => "cloudbase",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Provider::Manta => "MantaGo",
            Provider::OneAccess => "OneAccess",
            Provider::CloudBase => "CloudBase",
        })
    }
}

impl FromStr for Provider {
    type Err = ParseProviderError;

    /// The provider whose [`Provider::tag`] is `tag`, exactly (no other case or spacing).
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        [Provider::Manta, Provider::OneAccess, Provider::CloudBase]
            .into_iter()
            .find(|p| p.tag() == tag)
            .ok_or(ParseProviderError(()))
    }
}

/// A text that is not a provider's tag (see [`Provider::tag`]).
///
/// It does not repeat the text: that may come from a line of input, which could hold anything.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a provider: expected manta, oneaccess or cloudbase")]
pub struct ParseProviderError(());

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Provider; 3] = [Provider::Manta, Provider::OneAccess, Provider::CloudBase];

    #[test]
    fn a_tag_parses_back_to_its_provider() {
        for provider in ALL {
            assert_eq!(provider.tag().parse(), Ok(provider));
        }
    }

    #[test]
    fn names_and_tags_are_the_documented_words() {
        let names: Vec<String> = ALL.iter().map(Provider::to_string).collect();
        assert_eq!(names, ["MantaGo", "OneAccess", "CloudBase"]);
        let tags: Vec<&str> = ALL.iter().map(|p| p.tag()).collect();
        assert_eq!(tags, ["manta", "oneaccess", "cloudbase"]);
    }

    #[test]
    fn only_an_exact_tag_parses() {
        for text in ["", "Manta", "MantaGo", " manta", "cloudbase\n", "tencent"] {
            let error = text.parse::<Provider>().unwrap_err();
            assert_eq!(
                error.to_string(),
                "not a provider: expected manta, oneaccess or cloudbase"
            );
        }
    }
}
