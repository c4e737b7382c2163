//! kestrel-dates
