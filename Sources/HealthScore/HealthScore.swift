// HealthScore: the health score of `health-score.md` (`health-score-v1.0.0`) as a pure function.
//
// `HealthScoreEngine.evaluate` takes one user's measurements around an `as_of` (`ScoreInputs`)
// and answers a rounded `HealthScoreReport`, or why there is none; exact rational arithmetic
// throughout, so the same inputs give the same outcome on every machine. No I/O, no HTTP and
// no JSON: the API's `health_score` endpoint reads the inputs and writes the response. Depends
// on `UTCTime` and FoundationEssentials only.
