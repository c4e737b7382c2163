//! kestrel-actors
