//! Named-entity recognition for newsdesk (work in progress).
