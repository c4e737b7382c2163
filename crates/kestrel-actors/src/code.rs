//! CAMEO actor codes: a country or group code followed by three-letter role blocks.

use std::fmt;

use compact_str::CompactString;

/// A three-letter CAMEO role block such as GOV, MIL or SPY.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sector([u8; 3]);

impl Sector {
    /// The blocks coding names, as constants: comparing with them compares three bytes, where
    /// `as_str` would check the bytes for UTF-8 first.
    pub const GOV: Sector = Sector(*b"GOV");
    pub const MIL: Sector = Sector(*b"MIL");
    pub const COP: Sector = Sector(*b"COP");
    pub const REB: Sector = Sector(*b"REB");
    pub const OPP: Sector = Sector(*b"OPP");
    pub const UAF: Sector = Sector(*b"UAF");
    pub const INS: Sector = Sector(*b"INS");
    pub const RAD: Sector = Sector(*b"RAD");
    pub const CVL: Sector = Sector(*b"CVL");
    pub const ELI: Sector = Sector(*b"ELI");
    pub const MED: Sector = Sector(*b"MED");

    pub fn parse(s: &str) -> Option<Sector> {
        let b = s.as_bytes();
        (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| Sector([b[0], b[1], b[2]]))
    }
    pub fn as_str(&self) -> &str {
        // Always three ASCII upper-case letters, checked in `parse`.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Debug for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a code opening with `prefix` names an organisation in its first six letters
/// (IGOUNO) rather than a country.
fn is_group_prefix(prefix: &[u8; 3]) -> bool {
    matches!(prefix, b"IGO" | b"NGO" | b"MNC" | b"IMG")
}

/// What a code opens with.
#[derive(PartialEq, Eq)]
enum Base {
    /// An organisation's six letters (IGOUNO).
    Group,
    /// A three-letter country (RUS).
    Country,
    /// Neither: the code is role blocks only (COP).
    None,
}

/// The base `code` (an actor code's bytes) opens with, told from its first three letters: a
/// question asked of every code coding touches, settled here in one look at them.
fn base_of(code: &[u8]) -> Base {
    match code.first_chunk() {
        Some(first) if is_group_prefix(first) => Base::Group,
        Some(first) if first.iter().all(u8::is_ascii_uppercase) && !is_sector_code(Sector(*first)) => Base::Country,
        _ => Base::None,
    }
}

/// A full CAMEO actor code, e.g. `RUSGOVMIL` or `IGOWSTNAT`.
///
/// Held inline (up to 24 bytes, longer than any real code): actors are cloned at every stage
/// of coding, and a heap string per clone was a large share of the time spent coding.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(CompactString);

impl ActorCode {
    /// Upper-case letters only, a multiple of three long.
    pub fn parse(s: &str) -> Option<ActorCode> {
        let s = s.trim();
        (!s.is_empty() && s.len().is_multiple_of(3) && s.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| ActorCode(CompactString::from(s)))
    }

    /// A code as foreign dictionaries may write it: upper-case letters and digits, any length up
    /// to 30 ("G77", "ITHTV"). kestrel's own files are held to [`ActorCode::parse`].
    pub fn parse_imported(s: &str) -> Option<ActorCode> {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 30 && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
            .then(|| ActorCode(CompactString::from(s)))
    }

    /// A code made of role blocks only, for actors whose country is unknown ("police" -> COP).
    pub fn from_sectors(sectors: &[Sector]) -> Option<ActorCode> {
        (!sectors.is_empty()).then(|| ActorCode(sectors.iter().map(Sector::as_str).collect()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the code names an organisation (IGO, NGO, ...) rather than a country.
    pub fn is_group(&self) -> bool {
        self.0.as_bytes().first_chunk().is_some_and(is_group_prefix)
    }

    /// Whether the code names one body rather than a kind of actor: an organisation
    /// (IGOUNO), or a code with a block that is no role (the HMS of PSEREBHMS, Hamas). Roles
    /// said of such a body add nothing to its code: "gunmen from the radical group Hamas"
    /// are PSEREBHMS.
    pub fn names_body(&self) -> bool {
        let code = self.0.as_bytes();
        let start = match base_of(code) {
            Base::Group => return true,
            Base::Country => 3,
            Base::None => 0,
        };
        code[start..]
            .chunks(3)
            .any(|block| !block.try_into().is_ok_and(|b: [u8; 3]| is_sector_code(Sector(b))))
    }

    /// The part that identifies the actor at the coarsest useful level: the three-letter
    /// country, or the six letters of an organisation code.
    pub fn base(&self) -> &str {
        let n = if self.is_group() { 6 } else { 3 };
        &self.0[..n.min(self.0.len())]
    }

    /// The three-letter country, if the code starts with one.
    pub fn country(&self) -> Option<&str> {
        let code = self.0.as_str();
        (base_of(code.as_bytes()) == Base::Country).then(|| &code[..3])
    }

    /// The bare country code this code starts with, if any (`RUSGOVMIL` gives `RUS`).
    pub fn country_code(&self) -> Option<ActorCode> {
        // A country is three upper-case letters: a valid code as it stands.
        self.country().map(|country| ActorCode(CompactString::from(country)))
    }

    /// Where the role blocks start: after the country or organisation, if any.
    fn sectors_start(&self) -> usize {
        // The base's length without slicing it out: this runs for every question about roles.
        match base_of(self.0.as_bytes()) {
            Base::Group => self.0.len().min(6),
            Base::Country => 3,
            Base::None => 0,
        }
    }

    /// The role blocks after the base. An iterator, not a list: most questions about roles
    /// stop at the first block, and coding asks them of every actor it resolves.
    pub fn sectors(&self) -> impl Iterator<Item = Sector> + '_ {
        let start = self.sectors_start();
        // The blocks `Sector::parse` takes, read from the bytes: three upper-case letters.
        self.0.as_bytes()[start..]
            .chunks(3)
            .filter_map(|c| {
                c.try_into()
                    .ok()
                    .filter(|b: &[u8; 3]| b.iter().all(u8::is_ascii_uppercase))
            })
            .map(Sector)
    }

    /// `prefix` followed by this code ("NGO" before "ARN": NGOARN).
    pub fn after_prefix(&self, prefix: &ActorCode) -> ActorCode {
        ActorCode(compact_str::format_compact!("{}{}", prefix.0, self.0))
    }

    /// Whether the actor stands outside the state: rebels, opposition, militias, insurgents.
    pub fn is_outside_state(&self) -> bool {
        self.0.as_bytes()[self.sectors_start()..]
            .chunks(3)
            .any(is_outside_state_block)
    }

    /// This code with `sectors` appended, skipping blocks it already has. An actor outside
    /// the state takes no GOV block: "leaders of the Muslim Brotherhood", "Taliban leaders"
    /// lead their movement, not a government.
    pub fn with_sectors<'s>(&self, sectors: impl IntoIterator<Item = &'s Sector>) -> ActorCode {
        let mut code = self.0.clone();
        let start = self.sectors_start();
        let have = self.0.as_bytes()[start..].chunks(3);
        let outside_state = have.clone().any(is_outside_state_block);
        for s in sectors {
            let skipped = outside_state && &s.0 == b"GOV";
            if !skipped && !have.clone().any(|block| block == s.0) && !code.as_bytes().ends_with(&s.0) {
                code.push_str(s.as_str());
            }
        }
        ActorCode(code)
    }
}

/// A role block of an actor outside the state ([`ActorCode::is_outside_state`]).
fn is_outside_state_block(block: &[u8]) -> bool {
    matches!(block, b"REB" | b"OPP" | b"UAF" | b"INS")
}

/// Role blocks that may stand alone as a code ("COP" for police of unknown country); these
/// are never read as a country.
fn is_sector_code(s: Sector) -> bool {
    // Matched as byte arrays (a decision on each letter rather than a scan of the list): this
    // runs every time a code's country is asked for.
    matches!(
        &s.0,
        b"GOV"
            | b"MIL"
            | b"SPY"
            | b"REB"
            | b"OPP"
            | b"COP"
            | b"JUD"
            | b"LEG"
            | b"BUS"
            | b"CVL"
            | b"MED"
            | b"EDU"
            | b"HLH"
            | b"REF"
            | b"LAB"
            | b"INS"
            | b"ELI"
            | b"RAD"
            | b"MOD"
            | b"CRM"
            | b"SEP"
            | b"UAF"
            | b"AGR"
            | b"ENV"
            | b"REL"
            | b"HRI"
            | b"DEV"
    )
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> ActorCode {
        ActorCode::parse(s).expect("valid code")
    }

    #[test]
    fn splits_country_and_sectors() {
        let c = code("RUSGOVMIL");
        assert_eq!(c.country(), Some("RUS"));
        assert_eq!(c.base(), "RUS");
        assert_eq!(
            c.sectors().map(|s| s.as_str().to_string()).collect::<Vec<_>>(),
            ["GOV", "MIL"]
        );
    }

    #[test]
    fn codes_with_a_block_that_is_no_role_name_one_body() {
        assert!(code("PSEREBHMS").names_body());
        assert!(!code("RUSGOVMIL").names_body());
        assert!(!code("LBNREB").names_body());
        assert!(!code("COP").names_body());
        assert_eq!(code("PSEREBHMS").with_sectors(&[]), code("PSEREBHMS"));
    }

    #[test]
    fn organisations_have_no_country() {
        let c = code("IGOWSTNAT");
        assert_eq!(c.country(), None);
        assert_eq!(c.base(), "IGOWST");
        assert!(c.is_group());
        assert!(c.names_body());
    }

    #[test]
    fn sector_only_codes_have_no_country() {
        assert_eq!(code("COP").country(), None);
        assert_eq!(code("COP").sectors().count(), 1);
    }

    #[test]
    fn appends_only_missing_sectors() {
        let gov = Sector::parse("GOV").unwrap();
        let mil = Sector::parse("MIL").unwrap();
        assert_eq!(code("USAGOV").with_sectors(&[gov, mil]).as_str(), "USAGOVMIL");
        assert_eq!(code("USA").with_sectors(&[gov]).as_str(), "USAGOV");
    }

    #[test]
    fn an_actor_outside_the_state_takes_no_government_block() {
        let gov = Sector::parse("GOV").unwrap();
        let mil = Sector::parse("MIL").unwrap();
        assert_eq!(code("EGYOPP").with_sectors(&[gov]).as_str(), "EGYOPP");
        assert_eq!(code("AFGREB").with_sectors(&[gov, mil]).as_str(), "AFGREBMIL");
        assert_eq!(code("EGYMIL").with_sectors(&[gov]).as_str(), "EGYMILGOV");
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "RU", "rus", "RUSG", "RUS GOV"] {
            assert!(ActorCode::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            ActorCode::parse_imported("G77").map(|c| c.country().is_none()),
            Some(true)
        );
        assert!(ActorCode::parse_imported("ELR/GAL").is_none());
    }
}
