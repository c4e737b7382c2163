//! Query strings into an [`EventFilter`]: the parameters have the names and meanings of the
//! `kestrel query` flags. Every bad value is a 400 naming the parameter and the value, and so
//! is a parameter the endpoint does not know (a typo must not silently widen a query).

use std::str::FromStr;

use kestrel_dates::CivilDate;
use kestrel_events::Modality;
use kestrel_store::{actor_code, Dyad, EventFilter, Period};

use crate::config::Limits;
use crate::error::ApiError;

/// A query parameter of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Actor,
    Dyad,
    Code,
    Root,
    Quad,
    Since,
    Until,
    Modality,
    Attribution,
    Text,
    Limit,
    Cursor,
    By,
}

impl Param {
    /// The filters every list endpoint accepts.
    pub const FILTERS: [Param; 10] = [
        Param::Actor,
        Param::Dyad,
        Param::Code,
        Param::Root,
        Param::Quad,
        Param::Since,
        Param::Until,
        Param::Modality,
        Param::Attribution,
        Param::Text,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Param::Actor => "actor",
            Param::Dyad => "dyad",
            Param::Code => "code",
            Param::Root => "root",
            Param::Quad => "quad",
            Param::Since => "since",
            Param::Until => "until",
            Param::Modality => "modality",
            Param::Attribution => "attribution",
            Param::Text => "text",
            Param::Limit => "limit",
            Param::Cursor => "cursor",
            Param::By => "by",
        }
    }
}

/// A parsed query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The filters and the cursor; its `limit` is left unset (see [`Query::limit`]).
    pub filter: EventFilter,
    /// `limit`, checked against [`Limits::max_page`].
    pub limit: Option<usize>,
    /// `by` of a timeline.
    pub by: Option<Period>,
}

/// Parses the raw query string of a request to an endpoint that accepts `accepted`. An empty
/// value counts as absent, as an HTML form sends its empty fields.
pub fn parse_query(raw: Option<&str>, accepted: &[Param], limits: &Limits) -> Result<Query, ApiError> {
    let mut query = Query::default();
    let mut seen: Vec<Param> = Vec::new();
    for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let Some(&param) = accepted.iter().find(|p| p.name() == name) else {
            return Err(unknown_parameter(&name, accepted));
        };
        if seen.contains(&param) {
            return Err(ApiError::bad_request(format!(
                "parameter {name:?} given more than once"
            )));
        }
        seen.push(param);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        set(&mut query, param, value, limits)
            .map_err(|message| ApiError::bad_request(format!("invalid parameter {name:?}: {message}")))?;
    }
    if let (Some(since), Some(until)) = (query.filter.since, query.filter.until) {
        if since > until {
            return Err(ApiError::bad_request(format!(
                "invalid parameters \"since\" and \"until\": {since} is after {until}"
            )));
        }
    }
    Ok(query)
}

fn unknown_parameter(name: &str, accepted: &[Param]) -> ApiError {
    let names: Vec<&str> = accepted.iter().map(|p| p.name()).collect();
    let known = if names.is_empty() {
        "this endpoint takes no parameters".to_string()
    } else {
        format!("this endpoint accepts {}", names.join(", "))
    };
    ApiError::bad_request(format!("unknown parameter {name:?}: {known}"))
}

/// Sets one parameter from its (trimmed, non-empty) value; `Err` is why the value is bad.
fn set(query: &mut Query, param: Param, value: &str, limits: &Limits) -> Result<(), String> {
    let f = &mut query.filter;
    match param {
        Param::Actor => f.actor = Some(actor_code(value)?),
        Param::Dyad => f.dyad = Some(Dyad::from_str(value)?),
        Param::Code => f.code = Some(event_code(value)?),
        Param::Root => f.root = Some(root(value)?),
        Param::Quad => f.quad = Some(quad(value)?),
        Param::Since => f.since = Some(date(value)?),
        Param::Until => f.until = Some(date(value)?),
        Param::Modality => f.modality = Some(modality(value)?),
        Param::Attribution => f.attribution = Some(actor_code(value)?),
        Param::Text => f.text = Some(value.to_string()),
        Param::Cursor => f.cursor = Some(value.to_string()),
        Param::Limit => query.limit = Some(limit(value, limits.max_page)?),
        Param::By => query.by = Some(Period::from_str(value)?),
    }
    Ok(())
}

/// A CAMEO event code: three or four digits.
fn event_code(value: &str) -> Result<String, String> {
    if (3..=4).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "{value:?}: expected a CAMEO event code of 3 or 4 digits, e.g. 042"
        ))
    }
}

/// A CAMEO root, 01 to 20 ("4" is read as "04").
fn root(value: &str) -> Result<String, String> {
    match value.parse::<u8>() {
        Ok(n @ 1..=20) if value.len() <= 2 => Ok(format!("{n:02}")),
        _ => Err(format!("{value:?}: expected a CAMEO root from 01 to 20")),
    }
}

fn quad(value: &str) -> Result<u8, String> {
    match value.parse::<u8>() {
        Ok(n @ 1..=4) => Ok(n),
        _ => Err(format!("{value:?}: expected a quad class from 1 to 4")),
    }
}

fn date(value: &str) -> Result<CivilDate, String> {
    CivilDate::parse(value).ok_or_else(|| format!("{value:?}: expected a date YYYY-MM-DD"))
}

fn modality(value: &str) -> Result<String, String> {
    let lower = value.to_ascii_lowercase();
    if Modality::ALL.iter().any(|m| m.as_str() == lower) {
        return Ok(lower);
    }
    let names: Vec<&str> = Modality::ALL.iter().map(|m| m.as_str()).collect();
    Err(format!("{value:?}: expected one of {}", names.join(", ")))
}

fn limit(value: &str, max: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) | Err(_) => Err(format!("{value:?}: expected a whole number from 1 to {max}")),
        Ok(n) if n > max => Err(format!("{n} is above the maximum page size {max}")),
        Ok(n) => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::Endpoint;

    fn parse(raw: &str) -> Result<Query, ApiError> {
        parse_query(Some(raw), Endpoint::Events.params(), &Limits::default())
    }

    fn message(raw: &str) -> String {
        match parse(raw) {
            Err(e) => {
                assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST, "{raw}");
                e.message
            }
            Ok(q) => panic!("{raw} was accepted: {q:?}"),
        }
    }

    #[test]
    fn every_filter_is_read() {
        let q = parse(
            "actor=usagov&dyad=USA:prk&code=042&root=4&quad=1&since=2023-01-02&until=20230305\
             &modality=Asserted&attribution=rus&text=nuclear+talks&limit=10&cursor=2023-01-02~5",
        )
        .unwrap();
        let f = &q.filter;
        assert_eq!(f.actor.as_deref(), Some("USAGOV"));
        assert_eq!(f.dyad.as_ref().map(ToString::to_string).as_deref(), Some("USA:PRK"));
        assert_eq!(f.code.as_deref(), Some("042"));
        assert_eq!(f.root.as_deref(), Some("04"));
        assert_eq!(f.quad, Some(1));
        assert_eq!(f.since.map(|d| d.to_string()).as_deref(), Some("2023-01-02"));
        assert_eq!(f.until.map(|d| d.to_string()).as_deref(), Some("2023-03-05"));
        assert_eq!(f.modality.as_deref(), Some("asserted"));
        assert_eq!(f.attribution.as_deref(), Some("RUS"));
        assert_eq!(f.text.as_deref(), Some("nuclear talks"));
        assert_eq!(f.cursor.as_deref(), Some("2023-01-02~5"));
        assert_eq!(f.limit, None);
        assert_eq!(q.limit, Some(10));
    }

    #[test]
    fn empty_values_and_no_query_are_no_filter() {
        assert_eq!(parse("actor=&text=+").unwrap(), Query::default());
        assert_eq!(
            parse_query(None, Endpoint::Events.params(), &Limits::default()).unwrap(),
            Query::default()
        );
    }

    #[test]
    fn bad_values_name_the_parameter_and_the_value() {
        for (raw, name, value) in [
            ("actor=U%20S", "actor", "U S"),
            ("dyad=USA", "dyad", "USA"),
            ("code=04a", "code", "04a"),
            ("root=21", "root", "21"),
            ("quad=5", "quad", "5"),
            ("since=yesterday", "since", "yesterday"),
            ("until=2023-02-30", "until", "2023-02-30"),
            ("modality=certain", "modality", "certain"),
            ("attribution=a-b", "attribution", "A-B"),
            ("limit=0", "limit", "0"),
            ("limit=ten", "limit", "ten"),
        ] {
            let m = message(raw);
            assert!(m.contains(&format!("\"{name}\"")) && m.contains(value), "{raw}: {m}");
        }
    }

    #[test]
    fn a_limit_above_the_maximum_is_refused() {
        let m = message("limit=1001");
        assert!(m.contains("limit") && m.contains("1000"), "{m}");
        assert_eq!(parse("limit=1000").unwrap().limit, Some(1000));
    }

    #[test]
    fn unknown_and_repeated_parameters_are_refused() {
        let m = message("actr=USA");
        assert!(m.contains("unknown parameter \"actr\"") && m.contains("actor"), "{m}");
        assert!(message("quad=1&quad=2").contains("more than once"));
        let none = parse_query(Some("x=1"), &[], &Limits::default()).unwrap_err();
        assert!(none.message.contains("takes no parameters"), "{}", none.message);
        // `by` belongs to the timeline only.
        assert!(message("by=day").contains("unknown parameter \"by\""));
    }

    #[test]
    fn since_after_until_is_refused() {
        assert!(message("since=2023-05-01&until=2023-04-01").contains("is after"));
    }

    #[test]
    fn periods_are_read_where_accepted() {
        let q = parse_query(Some("by=Week"), &[Param::By], &Limits::default()).unwrap();
        assert_eq!(q.by, Some(Period::Week));
        let e = parse_query(Some("by=year"), &[Param::By], &Limits::default()).unwrap_err();
        assert!(e.message.contains("\"by\"") && e.message.contains("year"));
    }
}
