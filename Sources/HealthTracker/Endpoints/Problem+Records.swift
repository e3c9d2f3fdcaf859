import FoundationEssentials
import LambdaHTTP

extension Problem {
    /// 404 `/problems/user-not-found`: the path's or body's user does not exist.
    static func userNotFound(_ user: UUID) -> Problem {
        Problem(.userNotFound, detail: "No user \(user.lowercasedText)")
    }
}
