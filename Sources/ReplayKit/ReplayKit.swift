// ReplayKit: the replay CLI's logic, without its argument parsing: a local API Gateway in
// front of the real function binaries (run, serve, invoke), stored outcomes and their masks,
// session recording, scratch databases and the zip smoke test.
