import NIOCore

/// A process's `next` long poll, parked until an invocation is assigned to it.
struct NextWaiter {
    let channel: any Channel
    let keepAlive: Bool
    let delay: Duration?
}
