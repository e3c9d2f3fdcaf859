public import UTCTime

/// One CloudWatch embedded metric format (EMF) record: a JSON log line from which
/// CloudWatch Logs extracts metrics, so a function publishes them without an API call.
///
/// One directive: every metric is published once per dimension set. Extra `properties`
/// are root members CloudWatch keeps in the log only (a request id to correlate with).
public struct EmbeddedMetrics: Sendable {
    /// CloudWatch units used here (a subset of `MetricDatum`'s).
    public enum Unit: String, Sendable {
        case milliseconds = "Milliseconds"
        case count = "Count"
        case none = "None"
    }

    public struct Metric: Sendable {
        public let name: String
        public let unit: Unit
        public let value: Double

        public init(_ name: String, _ value: Double, unit: Unit) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }

    public let namespace: String
    /// Dimension names and their values, in order.
    public var dimensions: [(name: String, value: String)]
    /// Sets of dimension names (each a subset of `dimensions`); an empty set publishes the
    /// metric without dimensions, an aggregate of every record.
    public let dimensionSets: [[String]]
    /// Names and units are fixed at init (the directive is rendered then); values change
    /// with `setValue(_:ofMetricAt:)`.
    public private(set) var metrics: [Metric]
    public var properties: [(name: String, value: String)]
    /// The `_aws` member after its timestamp, and each metric's `,"Name":`: the same for every
    /// record of one shape, so a template kept from init renders them once, not per invocation.
    private let directive: String
    private let metricKeys: [String]

    public init(
        namespace: String, dimensions: [(name: String, value: String)], dimensionSets: [[String]],
        metrics: [Metric], properties: [(name: String, value: String)] = []
    ) {
        self.namespace = namespace
        self.dimensions = dimensions
        self.dimensionSets = dimensionSets
        self.metrics = metrics
        self.properties = properties
        var directive = ",\"CloudWatchMetrics\":[{\"Namespace\":\(JSONText.quoted(namespace)),\"Dimensions\":["
        directive += dimensionSets.map { "[" + $0.map(JSONText.quoted).joined(separator: ",") + "]" }.joined(separator: ",")
        directive += "],\"Metrics\":["
        directive += metrics.map { "{\"Name\":\(JSONText.quoted($0.name)),\"Unit\":\(JSONText.quoted($0.unit.rawValue))}" }
            .joined(separator: ",")
        self.directive = directive + "]}]}"
        metricKeys = metrics.map { "," + JSONText.quoted($0.name) + ":" }
    }

    /// The same metric with another value.
    public mutating func setValue(_ value: Double, ofMetricAt index: Int) {
        metrics[index] = Metric(metrics[index].name, value, unit: metrics[index].unit)
    }

    /// The record as one line of JSON.
    public func rendered(at time: Instant) -> String {
        var line = "{\"_aws\":{\"Timestamp\":"
        line.reserveCapacity(directive.utf8.count + 320)
        line += String(time.millisecondsSinceEpoch)
        line += directive
        for (name, value) in dimensions { line += ",\(JSONText.quoted(name)):\(JSONText.quoted(value))" }
        for (name, value) in properties { line += ",\(JSONText.quoted(name)):\(JSONText.quoted(value))" }
        for (key, metric) in zip(metricKeys, metrics) {
            line += key
            line += EmbeddedMetrics.number(metric.value)
        }
        return line + "}"
    }

    /// A JSON number: integers without a fraction, others to three decimals; a value JSON
    /// cannot hold (NaN, infinity) becomes 0 rather than an invalid record.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let micro = (value * 1000).rounded() / 1000
        return String(micro)
    }
}
