//! The read endpoints. Each parses its query string first (a bad one never reaches the store),
//! then reads and serialises on a blocking thread with a reader of its own.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

use crate::error::ApiError;
use crate::params::{parse_query, Query};
use crate::responses::{period_name, EventJson, MentionJson};
use crate::routes::Endpoint;
use crate::state::AppState;

/// The OpenAPI document served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// A serialised JSON answer.
pub struct JsonBody(pub Vec<u8>);

impl IntoResponse for JsonBody {
    fn into_response(self) -> Response {
        let mut response = self.0.into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    }
}

pub fn to_json<T: Serialize>(value: &T) -> Result<JsonBody, ApiError> {
    serde_json::to_vec(value)
        .map(JsonBody)
        .map_err(|e| ApiError::internal(format!("cannot write the answer as JSON: {e}")))
}

fn query(state: &AppState, endpoint: Endpoint, raw: Option<String>) -> Result<Query, ApiError> {
    parse_query(raw.as_deref(), endpoint.params(), state.limits())
}

pub async fn health(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    query(&state, Endpoint::Health, raw)?;
    state
        .read(|store| {
            let stats = store.stats()?;
            to_json(&json!({"status": "ok", "events": stats.events, "documents": stats.documents}))
        })
        .await
}

pub async fn stats(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    query(&state, Endpoint::Stats, raw)?;
    state.read(|store| to_json(&store.stats()?)).await
}

pub async fn events(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    let Query { mut filter, limit, .. } = query(&state, Endpoint::Events, raw)?;
    filter.limit = Some(limit.unwrap_or(state.limits().default_page));
    state
        .read(move |store| {
            let page = store.query_page(&filter)?;
            #[derive(Serialize)]
            struct Events<'a> {
                events: Vec<EventJson<'a>>,
                next_cursor: Option<String>,
            }
            to_json(&Events {
                events: page.events.iter().map(EventJson::from).collect(),
                next_cursor: page.next_cursor,
            })
        })
        .await
}

pub async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<JsonBody, ApiError> {
    query(&state, Endpoint::Event, raw)?;
    state
        .read(move |store| {
            let Some((event, mentions)) = store.event(&id)? else {
                return Err(ApiError::not_found(format!("no event with id {id:?}")));
            };
            #[derive(Serialize)]
            struct Evidence<'a> {
                event: EventJson<'a>,
                mentions: Vec<MentionJson<'a>>,
            }
            to_json(&Evidence {
                event: EventJson::from(&event),
                mentions: mentions.iter().map(MentionJson::from).collect(),
            })
        })
        .await
}

pub async fn timeline(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    let Query { filter, by, .. } = query(&state, Endpoint::Timeline, raw)?;
    let by = by.unwrap_or(kestrel_store::Period::Month);
    state
        .read(move |store| {
            // No dyad given: the filter's own (if any) applies.
            let periods = store.timeline(None, by, &filter)?;
            to_json(&json!({
                "dyad": filter.dyad.as_ref().map(ToString::to_string),
                "by": period_name(by),
                "periods": periods,
            }))
        })
        .await
}

pub async fn actors(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    let Query { filter, limit, .. } = query(&state, Endpoint::Actors, raw)?;
    let limit = limit.unwrap_or(state.limits().default_page);
    state
        .read(move |store| to_json(&json!({"actors": store.actors(&filter, limit)?})))
        .await
}

pub async fn dyads(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    let Query { filter, limit, .. } = query(&state, Endpoint::Dyads, raw)?;
    let limit = limit.unwrap_or(state.limits().default_page);
    state
        .read(move |store| to_json(&json!({"dyads": store.dyads(&filter, limit)?})))
        .await
}

pub async fn openapi(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<JsonBody, ApiError> {
    query(&state, Endpoint::OpenApi, raw)?;
    Ok(JsonBody(OPENAPI.as_bytes().to_vec()))
}
