//! kestrel-events
