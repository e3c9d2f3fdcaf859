import BenchSupport
import FoundationEssentials
import LambdaHTTP

#if canImport(Glibc)
import Glibc
#endif

// scripts/bench-events' driver: `HTTPRequest(decoding:)` on each fixture event, in process,
// next to the strict parse alone (`JSONValue.parse`), so the share that builds the typed
// request shows in the same run.

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: event-bench FIXTURE_DIR [ROUNDS] [DECODES_PER_ROUND]")
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 15 : 15
let perRound = arguments.count > 3 ? Int(arguments[3]) ?? 200 : 200

var files: [(name: String, bytes: [UInt8])] = []
for folder in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
    let path = directory.appendingPathComponent(folder).path
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
    for name in names.sorted() where name.hasSuffix(".json") {
        files.append(("\(folder)/\(name)", Array(try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)")))))
    }
}
guard !files.isEmpty else {
    print("no .json events under \(directory.path)")
    exit(1)
}

/// The median over `rounds` of the mean time of one call, in microseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let start = microsecondsNow()
        for _ in 0..<perRound { try body() }
        samples.append((microsecondsNow() - start) / Double(perRound))
    }
    return percentile(samples.sorted(), 0.5)
}

print("events: \(files.count), rounds: \(rounds), decodes per round: \(perRound) (median of rounds, µs per call)")
print("event".rightPadded(72) + "   bytes   decode    parse  parse share")
var totalDecode = 0.0
var totalParse = 0.0
for file in files {
    let decode = try median { _ = try HTTPRequest(decoding: file.bytes) }
    let parse = try median { _ = try JSONValue.parse(file.bytes, maxDepth: HTTPEvent.maxDepth) }
    totalDecode += decode
    totalParse += parse
    print(file.name.rightPadded(72)
        + String(file.bytes.count).leftPadded(8) + fixed(decode).leftPadded(9) + fixed(parse).leftPadded(9)
        + (fixed(100 * parse / decode) + " %").leftPadded(13))
}
print("all \(files.count) events, one decode each: \(fixed(totalDecode)) µs (parse alone \(fixed(totalParse)) µs, "
    + "\(fixed(100 * totalParse / totalDecode)) %); mean \(fixed(totalDecode / Double(files.count))) µs per event")

func fixed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
}

extension String {
    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
