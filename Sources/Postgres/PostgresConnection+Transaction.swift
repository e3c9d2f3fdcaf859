extension PostgresConnection {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws (or when
    /// a statement inside failed and the body went on). The connection is never left inside
    /// a transaction.
    @discardableResult
    public func transaction<T>(
        readOnly: Bool = false, isolation: TransactionIsolation = .readCommitted,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        guard !isInTransaction else {
            throw PostgresError(code: .badQuery, message: "transactions do not nest")
        }
        // One round trip; the timeout is an Int, so the text is ours, never input.
        try executeScript(
            "BEGIN ISOLATION LEVEL \(isolation.sql)" + (readOnly ? " READ ONLY" : "")
                + (localStatementTimeoutMilliseconds.map { "; SET LOCAL statement_timeout = \($0)" } ?? "")
        )
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        guard !isInFailedTransaction else {
            // COMMIT would quietly roll back and report success.
            rollbackIfNeeded()
            throw PostgresError(code: .other, message: "a statement in the transaction failed; it was rolled back")
        }
        do {
            try executeScript("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return value
    }

    /// Leaves no open or failed transaction behind; a connection that cannot roll back is closed.
    public func rollbackIfNeeded() {
        guard isInTransaction else { return }
        do {
            try executeScript("ROLLBACK")
        } catch {
            close()
        }
    }
}
