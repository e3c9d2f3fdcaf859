// LambdaRuntime: our own Lambda custom-runtime client: the Runtime API loop (next, response,
// error, init error) over CurlHTTP, deadlines, CloudWatch embedded metrics and structured logs.
// `Lambda.run` is a function binary's whole main. Knows nothing of HTTP events.
