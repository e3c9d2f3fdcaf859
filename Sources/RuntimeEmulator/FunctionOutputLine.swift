/// One line a function process wrote to standard output or standard error.
public struct FunctionOutputLine: Sendable {
    public enum Stream: Sendable { case stdout, stderr }

    public let function: String
    public let instanceID: Int
    public let stream: Stream
    public let text: String
}
