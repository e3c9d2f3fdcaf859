/// Finds UUIDs (8-4-4-4-12 hex digits) in text.
enum UUIDText {
    static func all(in text: String) -> [String] {
        ranges(in: Array(text.utf8)).map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
    }

    static func replacing(in text: String, except known: Set<String>, with mask: String) -> String {
        let bytes = Array(text.utf8)
        let found = ranges(in: bytes)
        guard !found.isEmpty else { return text }
        var out: [UInt8] = []
        var last = 0
        for range in found {
            out += bytes[last..<range.lowerBound]
            let uuid = String(decoding: bytes[range], as: UTF8.self)
            out += known.contains(uuid.lowercased()) ? Array(uuid.utf8) : Array(mask.utf8)
            last = range.upperBound
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        let groups = [8, 4, 4, 4, 12]
        var result: [Range<Int>] = []
        var index = 0
        func isHex(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
        }
        while index + 36 <= bytes.count {
            var position = index
            var ok = index == 0 || !isHex(bytes[index - 1])
            for (number, length) in groups.enumerated() where ok {
                for _ in 0..<length {
                    if !isHex(bytes[position]) { ok = false; break }
                    position += 1
                }
                if ok && number < 4 {
                    if bytes[position] != UInt8(ascii: "-") { ok = false } else { position += 1 }
                }
            }
            if ok && (position == bytes.count || !isHex(bytes[position])) {
                result.append(index..<position)
                index = position
            } else {
                index += 1
            }
        }
        return result
    }
}
