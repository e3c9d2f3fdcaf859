import LambdaHTTP

/// The probe's events: one flat JSON object of strings and integers, e.g.
/// `{"action":"sleep","ms":50}`; anything else is undecodable.
struct ProbeEvent {
    var strings: [String: String] = [:]
    var integers: [String: Int] = [:]

    init?(_ bytes: [UInt8]) {
        guard let members = (try? JSONValue.parse(bytes, maxDepth: 1))?.objectValue else { return nil }
        for (name, value) in members {
            if let text = value.stringValue {
                strings[name] = text
            } else if let number = value.integerValue {
                integers[name] = number
            } else {
                return nil
            }
        }
    }
}
