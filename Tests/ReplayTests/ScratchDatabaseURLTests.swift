@testable import ReplayKit
import TestTags
import Testing

/// The functions' DATABASE_URL for a scratch database: same server and credentials.
@Suite(.tags(.pure)) struct ScratchDatabaseURLTests {
    @Test(arguments: [
        ("postgresql://postgres@127.0.0.1:5432/healthtracker", "postgresql://postgres@127.0.0.1:5432/replay_x"),
        ("postgresql://u:p@db.example.com/app?sslmode=require", "postgresql://u:p@db.example.com/replay_x?sslmode=require"),
        ("postgresql://u@h:5432?sslmode=disable", "postgresql://u@h:5432/replay_x?sslmode=disable"),
        ("postgresql:///app?host=/tmp/sock", "postgresql:///replay_x?host=/tmp/sock"),
        ("host=127.0.0.1 port=5432 user=postgres dbname=postgres", "host=127.0.0.1 port=5432 user=postgres dbname=postgres dbname=replay_x"),
    ])
    func replacesOnlyTheDatabase(admin: String, expected: String) {
        #expect(ScratchDatabase.url(admin, database: "replay_x") == expected)
    }
}
