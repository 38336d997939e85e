//! Quotes, speakers and stance for newsdesk (work in progress).
