// LambdaHTTP: HTTP on Lambda: API Gateway (REST and HTTP API), Function URL and ALB events
// decoded into one `HTTPRequest`, routing by path template, RFC 9457 problems, the strict
// one-pass JSON parser and value type, and the response in the event's own shape.
