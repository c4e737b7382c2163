//! kestrel
