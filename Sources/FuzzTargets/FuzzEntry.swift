#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
import CLibFuzzer

// Built by scripts/fuzz with `-sanitize=fuzzer,address -DFUZZING`. SwiftPM points the
// executable's `main` at `fuzz_targets_main`, and libFuzzer (linked whole) brings a main of
// its own; the link allows both, and either one ends in libFuzzer's driver with this
// callback. FUZZ_TARGET names the target.
@_cdecl("fuzz_targets_main")
public func fuzzTargetsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}

private let selected: FuzzTarget = {
    let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
/// Without libFuzzer: `fuzz-targets TARGET FILE...` runs each file through the target once,
/// so a saved crash can be replayed (and is, by the regression tests) in a normal build;
/// `fuzz-targets --seeds TARGET FOLDER EVENT_FILE...` writes the target's seeds (scripts/fuzz).
@main struct FuzzEntry {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--seeds" {
            let rest = Array(arguments.dropFirst())
            guard rest.count >= 2, let target = FuzzTarget(rawValue: rest[0]) else {
                print("usage: fuzz-targets --seeds {\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))} FOLDER EVENT_FILE...")
                exit(2)
            }
            do {
                let count = try target.writeSeeds(from: Array(rest.dropFirst(2)), to: rest[1])
                print("\(count) seeds for \(target.rawValue)")
            } catch {
                print("fuzz-targets --seeds: \(error)")
                exit(1)
            }
            return
        }
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: fuzz-targets {\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))} FILE...")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("cannot open \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            fclose(file)
            bytes.withUnsafeBufferPointer(target.run)
        }
        print("\(arguments.count - 1) inputs ran through \(name)")
    }
}
#endif
