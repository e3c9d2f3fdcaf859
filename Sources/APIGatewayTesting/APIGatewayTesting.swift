// APIGatewayTesting: API Gateway HTTP API (payload 2.0) events and responses, and a test
// client that sends them to a function in this process or to its real binary under the
// Runtime API emulator. Used by the tests, replay and the benchmarks; never linked into a
// function binary.
