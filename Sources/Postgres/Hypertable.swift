/// A time-series table to partition by time with TimescaleDB.
///
/// TimescaleDB requires the time column in every unique index; the record tables' keys are
/// (user_uuid, time column), so they qualify. Compression segments by user so one user's
/// rows stay together and reads by (user, time range) still use few batches.
public struct Hypertable: Sendable {
    public let table: String
    public let timeColumn: String
    /// An interval literal such as `90 days`.
    public let chunkInterval: String
    /// Chunks older than this (an interval literal) are compressed; nil leaves them as they are.
    public let compressAfter: String?
    public let segmentBy: String

    public init(table: String, timeColumn: String, chunkInterval: String, compressAfter: String?, segmentBy: String = "user_uuid") {
        self.table = table
        self.timeColumn = timeColumn
        self.chunkInterval = chunkInterval
        self.compressAfter = compressAfter
        self.segmentBy = segmentBy
    }
}
