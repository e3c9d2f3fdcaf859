import FoundationEssentials

/// The JSON a Secrets Manager database secret holds (RDS's own format).
///
/// Only the credentials are required: host, port and database may come from
/// DATABASE_HOST, DATABASE_PORT and DATABASE_NAME instead (see `DatabaseSettings`).
public struct DatabaseSecret: Decodable, Sendable {
    public let host: String?
    public let port: Int?
    public let dbname: String?
    public let username: String
    public let password: String

    enum CodingKeys: String, CodingKey {
        case host, port, dbname, username, password
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decodeIfPresent(String.self, forKey: .host).flatMap { $0.isEmpty ? nil : $0 }
        // RDS writes the port as a number; hand-made secrets often hold a string.
        if let number = try? container.decode(Int.self, forKey: .port) {
            port = number
        } else if let text = try container.decodeIfPresent(String.self, forKey: .port) {
            guard let number = Int(text) else {
                throw DecodingError.dataCorruptedError(forKey: .port, in: container, debugDescription: "port is not a number")
            }
            port = number
        } else {
            port = nil
        }
        dbname = try container.decodeIfPresent(String.self, forKey: .dbname)
        username = try container.decode(String.self, forKey: .username)
        password = try container.decode(String.self, forKey: .password)
    }
}
