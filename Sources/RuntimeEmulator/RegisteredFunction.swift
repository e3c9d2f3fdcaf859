/// A registered function: its configuration, queue and pending faults.
struct RegisteredFunction {
    var configuration: FunctionConfiguration
    var queue: [String] = []
    var nextFaults: [RuntimeAPIFault] = []
    var acknowledgementDelays: [Duration] = []
}
