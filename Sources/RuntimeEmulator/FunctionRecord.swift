/// A registered function: its configuration, queue and pending faults.
struct FunctionRecord {
    var configuration: FunctionConfiguration
    var queue: [String] = []
    var nextFaults: [RuntimeAPIFault] = []
    var acknowledgementDelays: [Duration] = []
}
