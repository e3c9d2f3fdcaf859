public import FoundationEssentials
public import UTCTime

/// A `users` record. `user_uuid`, `created_at` and `updated_at` are made by the server.
public struct User: Sendable, Equatable {
    public var userUUID: UUID
    public var email: String
    public var fullName: String
    public var dateOfBirth: CalendarDate?
    public var sex: Sex?
    public var createdAt: Instant?
    public var updatedAt: Instant?

    public init(
        userUUID: UUID, email: String, fullName: String,
        dateOfBirth: CalendarDate? = nil, sex: Sex? = nil,
        createdAt: Instant? = nil, updatedAt: Instant? = nil
    ) {
        self.userUUID = userUUID
        self.email = email
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
