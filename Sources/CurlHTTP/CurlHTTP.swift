// CurlHTTP: a small blocking HTTP/1.1 client over libcurl: one easy handle per client, so
// one kept-alive connection, with timeouts. The Runtime API client and the secrets fetch use it.
