//! How certain a reported event is.

use crate::lexicon::Governor;

/// The factual status of an event as the text presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact by the text itself.
    Asserted,
    /// Stated as fact by an attributed speaker.
    Reported,
    /// "allegedly", "accused of".
    Alleged,
    /// "reports suggest", "may have", "reportedly" without a named speaker.
    Hedged,
    /// Plans, promises, agreements to act.
    Intended,
    /// might, could, would, if; feared outcomes.
    Hypothetical,
    /// What someone urges or demands others to do.
    Requested,
    /// "did not".
    Negated,
    /// What an actor denies.
    Denied,
}

impl Modality {
    pub const ALL: [Modality; 9] = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Alleged,
        Modality::Hedged,
        Modality::Intended,
        Modality::Hypothetical,
        Modality::Requested,
        Modality::Negated,
        Modality::Denied,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Alleged => "alleged",
            Modality::Hedged => "hedged",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
            Modality::Requested => "requested",
            Modality::Negated => "negated",
            Modality::Denied => "denied",
        }
    }

    pub fn parse(s: &str) -> Option<Modality> {
        Modality::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the text presents the event as having happened (by itself or a speaker).
    pub fn is_factual(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported | Modality::Alleged)
    }
}

/// When several governors apply, the one that most limits factuality wins: a denied plan is
/// denied, an urged attack that "might" come is requested. An attempt is weaker than an
/// allegation: "accused of trying to broker arms deals" is alleged.
fn strength(g: Governor) -> u8 {
    match g {
        Governor::Deny => 9,
        Governor::Negate => 8,
        Governor::Request => 7,
        Governor::Intend => 6,
        Governor::Hypothetical => 5,
        Governor::Allege => 4,
        Governor::Attempt => 3,
        Governor::Hedge => 2,
        Governor::Report => 1,
    }
}

/// The strongest of the governors that apply to an event.
pub fn strongest(governors: impl IntoIterator<Item = Governor>) -> Option<Governor> {
    governors.into_iter().max_by_key(|g| strength(*g))
}

/// The modality of an event from its strongest governor and whether a speaker is named.
pub fn resolve(governor: Option<Governor>, attributed: bool) -> Modality {
    match governor {
        None | Some(Governor::Report) | Some(Governor::Hedge) if attributed => Modality::Reported,
        None | Some(Governor::Report) => Modality::Asserted,
        Some(Governor::Hedge) => Modality::Hedged,
        Some(Governor::Allege) => Modality::Alleged,
        Some(Governor::Deny) => Modality::Denied,
        Some(Governor::Request) => Modality::Requested,
        Some(Governor::Intend | Governor::Attempt) => Modality::Intended,
        Some(Governor::Hypothetical) => Modality::Hypothetical,
        Some(Governor::Negate) => Modality::Negated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_turns_plain_and_hedged_claims_into_reported() {
        assert_eq!(resolve(None, true), Modality::Reported);
        assert_eq!(resolve(Some(Governor::Hedge), true), Modality::Reported);
        assert_eq!(resolve(Some(Governor::Hedge), false), Modality::Hedged);
        assert_eq!(resolve(None, false), Modality::Asserted);
    }

    #[test]
    fn non_factual_governors_win_over_a_speaker() {
        assert_eq!(resolve(Some(Governor::Request), true), Modality::Requested);
        assert!(!resolve(Some(Governor::Hypothetical), true).is_factual());
    }

    #[test]
    fn an_attempt_is_intended_unless_alleged() {
        assert_eq!(resolve(Some(Governor::Attempt), true), Modality::Intended);
        assert_eq!(strongest([Governor::Allege, Governor::Attempt]), Some(Governor::Allege));
    }

    #[test]
    fn strongest_governor_is_chosen() {
        assert_eq!(
            strongest([Governor::Hedge, Governor::Deny, Governor::Request]),
            Some(Governor::Deny)
        );
        assert_eq!(strongest([]), None);
    }

    #[test]
    fn names_round_trip() {
        for m in Modality::ALL {
            assert_eq!(Modality::parse(m.as_str()), Some(m));
        }
    }
}
