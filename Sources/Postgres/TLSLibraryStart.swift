import CLibPQ
import Essentials

/// Starts OpenSSL once, before libpq does, with only what libpq's TLS needs.
///
/// libpq calls `OPENSSL_init_ssl(OPENSSL_INIT_LOAD_CONFIG)` before its first TLS connect:
/// OpenSSL then looks for `openssl.cnf` and parses it (on Debian a 400-line file: 1.4 M
/// instructions of a cold start), and the first error state of a thread loads every
/// library's error strings (0.66 M). Each of those steps runs once per process, so
/// starting OpenSSL first without them leaves libpq's later call nothing to do:
/// - no configuration file: a function's TLS settings come from its connection
///   parameters, and Lambda's image has no `openssl.cnf` at OpenSSL's path anyway, so this
///   is what production already got; `OPENSSL_CONF` is not read.
/// - no error strings of the crypto libraries. The TLS library's own (`certificate verify
///   failed`, alerts, protocol versions), which libpq's handshake errors come from, still
///   load at the first `SSL_CTX_new`. An error reason from a crypto library (a CA file
///   that is not PEM, say) reads `SSL error code N` (`openssl errstr N` names it).
enum TLSLibraryStart {
    /// Whether OpenSSL started; false only without memory, and libpq then reports its own failure.
    static let started = OPENSSL_init_ssl(
        CLIBPQ_OPENSSL_INIT_NO_LOAD_CONFIG | CLIBPQ_OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS, nil
    ) == 1

    /// Starts OpenSSL unless the pairs turn TLS off (`sslmode=disable`, as a pair or inside
    /// a connection string), so a plaintext connection never pays for it. A wrong guess
    /// either way only costs time: libpq starts OpenSSL itself when it needs it.
    static func startUnlessDisabled(by configuration: PostgresConfiguration) {
        let disabled = configuration.parameters.contains { pair in
            (pair.key == "sslmode" && pair.value == "disable") || (pair.key == "dbname" && pair.value.containsUTF8("sslmode=disable"))
        }
        if !disabled { _ = started }
    }
}
