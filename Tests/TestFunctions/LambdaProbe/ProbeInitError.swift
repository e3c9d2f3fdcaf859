/// The init failure the probe throws when `PROBE_FAIL_INIT=1`.
enum ProbeInitError: Error, CustomStringConvertible {
    case requested

    var description: String { "PROBE_FAIL_INIT is set" }
}
