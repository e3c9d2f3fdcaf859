// UTCTime: calendar dates and instants in UTC, and their RFC 3339 / ISO 8601 text, without
// Foundation's calendars or time zones. Every other module measures time with these types.
