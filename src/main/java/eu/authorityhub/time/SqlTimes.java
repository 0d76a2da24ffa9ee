package eu.authorityhub.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz column as native queries hand it back (Instant, OffsetDateTime or Timestamp), as UTC. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static OffsetDateTime utc(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
}
