//! The one list of API endpoints: the router is built from it, and the tests hold it against
//! `openapi.json`, so the document cannot drift from what is served.

use axum::http::Method;
use axum::routing::{get, post, MethodRouter};

use crate::params::Param;
use crate::state::AppState;
use crate::{api, documents};

/// An endpoint of the JSON API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Health,
    Stats,
    Events,
    Event,
    Timeline,
    Actors,
    Dyads,
    Documents,
    OpenApi,
}

/// `limit` and `cursor` on top of the filters: `/api/events`.
const EVENTS_PARAMS: [Param; 12] = with(Param::FILTERS, [Param::Limit, Param::Cursor]);
/// `by` on top of the filters: `/api/timeline`.
const TIMELINE_PARAMS: [Param; 11] = with(Param::FILTERS, [Param::By]);
/// `limit` on top of the filters: `/api/actors` and `/api/dyads`.
const COUNTS_PARAMS: [Param; 11] = with(Param::FILTERS, [Param::Limit]);

/// The filters followed by `more`.
const fn with<const M: usize, const N: usize>(filters: [Param; 10], more: [Param; M]) -> [Param; N] {
    let mut all = [Param::Actor; N];
    let mut i = 0;
    while i < N {
        all[i] = if i < 10 { filters[i] } else { more[i - 10] };
        i += 1;
    }
    all
}

impl Endpoint {
    pub const ALL: [Endpoint; 9] = [
        Endpoint::Health,
        Endpoint::Stats,
        Endpoint::Events,
        Endpoint::Event,
        Endpoint::Timeline,
        Endpoint::Actors,
        Endpoint::Dyads,
        Endpoint::Documents,
        Endpoint::OpenApi,
    ];

    /// The path, in the syntax shared by the router and OpenAPI (`{id}` is a segment).
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Health => "/healthz",
            Endpoint::Stats => "/api/stats",
            Endpoint::Events => "/api/events",
            Endpoint::Event => "/api/events/{id}",
            Endpoint::Timeline => "/api/timeline",
            Endpoint::Actors => "/api/actors",
            Endpoint::Dyads => "/api/dyads",
            Endpoint::Documents => "/api/documents",
            Endpoint::OpenApi => "/openapi.json",
        }
    }

    pub fn method(self) -> Method {
        match self {
            Endpoint::Documents => Method::POST,
            _ => Method::GET,
        }
    }

    /// The query parameters the endpoint accepts; any other is a 400.
    pub fn params(self) -> &'static [Param] {
        match self {
            Endpoint::Events => &EVENTS_PARAMS,
            Endpoint::Timeline => &TIMELINE_PARAMS,
            Endpoint::Actors | Endpoint::Dyads => &COUNTS_PARAMS,
            Endpoint::Health | Endpoint::Stats | Endpoint::Event | Endpoint::Documents | Endpoint::OpenApi => &[],
        }
    }

    pub(crate) fn handler(self) -> MethodRouter<AppState> {
        match self {
            Endpoint::Health => get(api::health),
            Endpoint::Stats => get(api::stats),
            Endpoint::Events => get(api::events),
            Endpoint::Event => get(api::event),
            Endpoint::Timeline => get(api::timeline),
            Endpoint::Actors => get(api::actors),
            Endpoint::Dyads => get(api::dyads),
            Endpoint::Documents => post(documents::post),
            Endpoint::OpenApi => get(api::openapi),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_lists_are_the_filters_and_their_extras() {
        assert_eq!(EVENTS_PARAMS[..10], Param::FILTERS);
        assert_eq!(EVENTS_PARAMS[10..], [Param::Limit, Param::Cursor]);
        assert_eq!(TIMELINE_PARAMS[10..], [Param::By]);
        assert_eq!(COUNTS_PARAMS[10..], [Param::Limit]);
    }

    #[test]
    fn paths_are_unique() {
        for (i, a) in Endpoint::ALL.iter().enumerate() {
            for b in &Endpoint::ALL[i + 1..] {
                assert_ne!(a.path(), b.path());
            }
        }
    }
}
