import Foundation

/// The required structure of a CloudWatch embedded metric format document, from the
/// specification ("Specification: Embedded metric format", Amazon CloudWatch User Guide):
/// what CloudWatch Logs needs to extract metrics from a log line.
enum EMFSpecification {
    /// The units `MetricDatum` accepts.
    static let units: Set<String> = [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ]

    /// Every way `line` breaks the specification; empty when it is a valid EMF document.
    static func violations(_ line: String, now: Date = Date()) -> [String] {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return ["the line is not one JSON object"]
        }
        guard let aws = root["_aws"] as? [String: Any] else { return ["no _aws object on the root"] }
        var problems: [String] = []
        if let timestamp = aws["Timestamp"] as? Int {
            // CloudWatch drops metrics more than two weeks old or two hours ahead.
            let age = now.timeIntervalSince1970 * 1000 - Double(timestamp)
            if abs(age) > 300_000 { problems.append("_aws.Timestamp \(timestamp) is not now in milliseconds since 1970") }
        } else {
            problems.append("_aws.Timestamp is missing or not an integer")
        }
        guard let directives = aws["CloudWatchMetrics"] as? [[String: Any]], !directives.isEmpty else {
            return problems + ["_aws.CloudWatchMetrics is missing, not an array of objects, or empty"]
        }
        for (index, directive) in directives.enumerated() {
            let at = "_aws.CloudWatchMetrics[\(index)]"
            if let namespace = directive["Namespace"] as? String {
                if namespace.isEmpty || namespace.count > 255 { problems.append("\(at).Namespace must be 1 to 255 characters") }
            } else {
                problems.append("\(at).Namespace is missing or not a string")
            }
            if let sets = directive["Dimensions"] as? [[Any]], !sets.isEmpty {
                for set in sets {
                    if set.count > 9 { problems.append("\(at): a dimension set has more than 9 keys") }
                    for key in set {
                        guard let name = key as? String, !name.isEmpty else {
                            problems.append("\(at): a dimension key is not a non-empty string"); continue
                        }
                        if !(root[name] is String) { problems.append("dimension \(name) is not a string member of the root") }
                    }
                }
            } else {
                problems.append("\(at).Dimensions is missing or not a non-empty array of arrays")
            }
            guard let metrics = directive["Metrics"] as? [[String: Any]] else {
                problems.append("\(at).Metrics is missing or not an array of objects"); continue
            }
            if metrics.count > 100 { problems.append("\(at).Metrics has more than 100 definitions") }
            for metric in metrics {
                guard let name = metric["Name"] as? String, !name.isEmpty, name.count <= 255 else {
                    problems.append("\(at): a metric definition has no valid Name"); continue
                }
                if let unit = metric["Unit"], !((unit as? String).map(units.contains) ?? false) {
                    problems.append("metric \(name) has unit \(unit), not a CloudWatch unit")
                }
                switch root[name] {
                case is String, nil:
                    problems.append("metric \(name) is not a number member of the root")
                case let values as [Any]:
                    if values.count > 100 || values.contains(where: { !($0 is NSNumber) || $0 is String }) {
                        problems.append("metric \(name) is not an array of at most 100 numbers")
                    }
                case is NSNumber:
                    break
                default:
                    problems.append("metric \(name) is not a number member of the root")
                }
            }
        }
        return problems
    }
}
