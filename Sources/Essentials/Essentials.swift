// Essentials: what the lower modules share and cannot take from one another, since none of
// LambdaRuntime, LambdaHTTP, Postgres and RuntimeEmulator depends on another's siblings: the
// one JSON writer of the function path, percent coding, a byte search, a POSIX thread of its own, and the
// Lambda error document. The standard library only (no Foundation): it links into every
// function binary.
