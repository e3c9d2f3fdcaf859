/// A unified-style line diff (`-` expected, `+` actual) with a little context, for
/// mismatches in `replay run`. Files are small, so a plain LCS table is fine. The first two
/// lines name the sides, so a reader never has to guess which is which.
public enum LineDiff {
    public static func diff(
        expected: String, actual: String, context: Int = 2,
        expectedLabel: String = "expected", actualLabel: String = "actual"
    ) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((" ", a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append(("+", b[j])); j += 1
            } else {
                lines.append(("-", a[i])); i += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].0 != " " }
        var keep = Set<Int>()
        for index in changed { for near in max(0, index - context)...min(lines.count - 1, index + context) { keep.insert(near) } }
        var out = ["--- \(expectedLabel)", "+++ \(actualLabel)"]
        var previous = -1
        for index in keep.sorted() {
            if previous >= 0 && index > previous + 1 { out.append("  ...") }
            out.append("\(lines[index].0) \(lines[index].1)")
            previous = index
        }
        return out.joined(separator: "\n")
    }
}
