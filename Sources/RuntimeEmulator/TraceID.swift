/// X-Ray style trace headers for emulated invocations:
/// `Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=0`.
enum TraceID {
    static func make(epochSeconds: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        return "Root=1-\(hex(UInt64(epochSeconds), digits: 8))-\(hex(generator.next(), digits: 16))\(hex(generator.next(), digits: 8))"
            + ";Parent=\(hex(generator.next(), digits: 16));Sampled=0"
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.suffix(digits))
    }
}
