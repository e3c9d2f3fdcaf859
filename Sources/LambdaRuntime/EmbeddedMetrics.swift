import Essentials
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

    public var namespace: String
    /// Dimension names and their values, in order.
    public var dimensions: [(name: String, value: String)]
    /// Sets of dimension names (each a subset of `dimensions`); an empty set publishes the
    /// metric without dimensions, an aggregate of every record.
    public var dimensionSets: [[String]]
    public var metrics: [Metric]
    public var properties: [(name: String, value: String)]

    public init(
        namespace: String, dimensions: [(name: String, value: String)], dimensionSets: [[String]],
        metrics: [Metric], properties: [(name: String, value: String)] = []
    ) {
        self.namespace = namespace
        self.dimensions = dimensions
        self.dimensionSets = dimensionSets
        self.metrics = metrics
        self.properties = properties
    }

    /// The record as one line of JSON.
    public func rendered(at time: Instant) -> String {
        var line = JSONWriter(capacity: 512)
        line.beginObject()
        line.name("_aws")
        line.beginObject()
        line.name("Timestamp")
        line.number(text: String(time.millisecondsSinceEpoch))
        line.name("CloudWatchMetrics")
        line.beginArray()
        line.beginObject()
        line.member("Namespace", namespace)
        line.name("Dimensions")
        line.beginArray()
        for set in dimensionSets {
            line.beginArray()
            for name in set { line.string(name) }
            line.endArray()
        }
        line.endArray()
        line.name("Metrics")
        line.beginArray()
        for metric in metrics {
            line.beginObject()
            line.member("Name", metric.name)
            line.member("Unit", metric.unit.rawValue)
            line.endObject()
        }
        line.endArray()
        line.endObject()
        line.endArray()
        line.endObject()
        for (name, value) in dimensions { line.member(name, value) }
        for (name, value) in properties { line.member(name, value) }
        for metric in metrics {
            line.name(metric.name)
            line.number(text: EmbeddedMetrics.number(metric.value))
        }
        line.endObject()
        return line.text
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
