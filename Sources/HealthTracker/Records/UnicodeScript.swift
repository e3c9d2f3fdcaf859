/// The script of a letter, coarsely, by Unicode block: enough to tell when one word mixes
/// scripts (the standard library has no Script property, and the functions may not link ICU).
///
/// Only letters (`isAlphabetic`) have a script; digits, punctuation, symbols and combining
/// marks are neutral. A letter outside the blocks below gets a script of its own per
/// 128-scalar block, so mixing two such blocks counts as mixing scripts: strict, never lax.
enum UnicodeScript: Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, bengali, thai, georgian
    case hangul, hiragana, katakana, han
    case other(block: UInt32)

    static let ranges: [(ClosedRange<UInt32>, UnicodeScript)] = [
        (0x0041...0x005A, .latin), (0x0061...0x007A, .latin), (0x00AA...0x00AA, .latin), (0x00BA...0x00BA, .latin),
        (0x00C0...0x024F, .latin), (0x0250...0x02AF, .latin), (0x1D00...0x1D7F, .latin), (0x1E00...0x1EFF, .latin),
        (0x2C60...0x2C7F, .latin), (0xA720...0xA7FF, .latin), (0xAB30...0xAB6F, .latin),
        (0xFF21...0xFF3A, .latin), (0xFF41...0xFF5A, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic), (0x1C80...0x1C8F, .cyrillic), (0x2DE0...0x2DFF, .cyrillic), (0xA640...0xA69F, .cyrillic),
        (0x0530...0x058F, .armenian), (0x0590...0x05FF, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x08A0...0x08FF, .arabic),
        (0x0900...0x097F, .devanagari), (0x0980...0x09FF, .bengali), (0x0E00...0x0E7F, .thai),
        (0x10A0...0x10FF, .georgian), (0x1C90...0x1CBF, .georgian),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xAC00...0xD7AF, .hangul),
        (0x3040...0x309F, .hiragana), (0x30A0...0x30FF, .katakana), (0x31F0...0x31FF, .katakana),
        (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han), (0x20000...0x3134F, .han),
    ]

    /// The script of a letter; nil for anything else.
    static func of(_ scalar: Unicode.Scalar) -> UnicodeScript? {
        guard scalar.properties.isAlphabetic else { return nil }
        // Marks that count as alphabetic (vowel signs) belong to their letter's script.
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return nil
        default: break
        }
        for (range, script) in ranges where range.contains(scalar.value) { return script }
        return .other(block: scalar.value >> 7)
    }

    /// Whether the letters of `word` come from one script; Han may go with Hiragana and
    /// Katakana (Japanese) or with Hangul (Korean), as in UTS #39's highly restrictive level.
    static func isSingleScript(_ word: some StringProtocol) -> Bool {
        var scripts: Set<UnicodeScript> = []
        for scalar in word.unicodeScalars {
            if let script = of(scalar) { scripts.insert(script) }
        }
        if scripts.count <= 1 { return true }
        return scripts.isSubset(of: [.han, .hiragana, .katakana]) || scripts.isSubset(of: [.han, .hangul])
    }
}
