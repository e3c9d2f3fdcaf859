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
    /// `_aws.CloudWatchMetrics`: the same for every record of one shape, so it is rendered
    /// once at init and copied into each record.
    private let cloudWatchMetrics: [UInt8]

    public init(
        namespace: String, dimensions: [(name: String, value: String)], dimensionSets: [[String]],
        metrics: [Metric], properties: [(name: String, value: String)] = []
    ) {
        self.namespace = namespace
        self.dimensions = dimensions
        self.dimensionSets = dimensionSets
        self.metrics = metrics
        self.properties = properties
        // The directive: namespace, dimension sets, metric names and units.
        var directive = JSONWriter(capacity: 256)
        directive.beginArray()
        directive.beginObject()
        directive.member("Namespace", namespace)
        directive.name("Dimensions")
        directive.beginArray()
        for set in dimensionSets {
            directive.beginArray()
            for name in set { directive.string(name) }
            directive.endArray()
        }
        directive.endArray()
        directive.name("Metrics")
        directive.beginArray()
        for metric in metrics {
            directive.beginObject()
            directive.member("Name", metric.name)
            directive.member("Unit", metric.unit.rawValue)
            directive.endObject()
        }
        directive.endArray()
        directive.endObject()
        directive.endArray()
        cloudWatchMetrics = directive.bytes
    }

    /// The same metric with another value.
    public mutating func setValue(_ value: Double, ofMetricAt index: Int) {
        metrics[index] = Metric(metrics[index].name, value, unit: metrics[index].unit)
    }

    /// The record as one line of JSON.
    public func rendered(at time: Instant) -> String {
        var line = JSONWriter(capacity: cloudWatchMetrics.count + 320)
        line.beginObject()
        line.name("_aws")
        line.beginObject()
        line.name("Timestamp")
        line.number(text: String(time.millisecondsSinceEpoch))
        line.name("CloudWatchMetrics")
        line.json(cloudWatchMetrics)
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
