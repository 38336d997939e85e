//! CLI behaviour tests (annotate, bad input, eval commands).
