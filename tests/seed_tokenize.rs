//! Golden tokenizer/sentence tests on the seed article (filled by the tokenizer work).
