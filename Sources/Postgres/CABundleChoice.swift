#if canImport(Glibc)
import Glibc
#endif

/// Which CA file libpq verifies the server's certificate with. Loading it is most of a TLS
/// cold start's CPU: OpenSSL decodes every certificate in the file (about 31 ms for RDS's
/// global bundle, over 100 certificates, against well under 1 ms for one region's). A
/// function talks to one region's database, so with `DATABASE_CA_BUNDLE_DIR` it loads
/// `<dir>/<AWS_REGION>-bundle.pem` (AWS's own file names); when that file is missing it
/// falls back to the global bundle, `PGSSLROOTCERT` or else `<dir>/global-bundle.pem`,
/// and says so (`warning`). An `sslrootcert` in DATABASE_URL itself still wins.
///
/// A CA directory means the server is to be verified: unless PGSSLMODE says otherwise, the
/// mode is `verify-full` (libpq's own default, `prefer`, would accept any certificate and fall
/// back to plaintext).
struct CABundleChoice {
    /// The libpq pairs (`sslmode`, `sslrootcert`) that go before every other, so a URL's own
    /// still win; none without DATABASE_CA_BUNDLE_DIR (libpq then reads PGSSLROOTCERT itself).
    var pairs: [(key: String, value: String)] = []
    var warning: String?

    static func choose(_ environment: [String: String]) -> CABundleChoice {
        guard let directory = environment["DATABASE_CA_BUNDLE_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return CABundleChoice()
        }
        let modeGiven = !(environment["PGSSLMODE"] ?? "").isEmpty
        let mode: [(key: String, value: String)] = modeGiven ? [] : [("sslmode", "verify-full")]
        let region = environment["AWS_REGION"] ?? ""
        if !region.isEmpty, !region.contains("/") {
            let regional = directory + "/" + region + "-bundle.pem"
            if access(regional, R_OK) == 0 { return CABundleChoice(pairs: mode + [("sslrootcert", regional)]) }
        }
        let global = environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 } ?? directory + "/global-bundle.pem"
        let which = region.isEmpty ? "AWS_REGION is not set" : "\(directory) holds no \(region)-bundle.pem"
        return CABundleChoice(
            pairs: mode + [("sslrootcert", global)],
            warning: "\(which): verifying the database with the global CA bundle \(global), which costs every cold start tens of milliseconds of CPU"
        )
    }
}
