/// Misbehaviour the emulator can put on a function's Runtime API, to test a runtime.
/// Each fault applies once, to the next matching request from any process of the function.
public enum RuntimeAPIFault: Sendable, Equatable {
    /// Close the TCP connection on a `next` without answering.
    case dropConnectionOnNext
    /// Answer a `next` with this HTTP status (e.g. 500) instead of an invocation.
    case failNext(status: Int)
    /// Hold a `next` answer this long after the invocation is assigned.
    case slowNext(Duration)
    /// Hold the acknowledgement of a response or error post this long.
    case slowAcknowledgement(Duration)
}
