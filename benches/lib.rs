//! Helpers shared by the benchmarks: loading the news corpus.
