package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.Test;

/**
 * The record rules that compare with today read the server's injected clock: a date of birth
 * after the server's today is refused, and accepted once that clock has passed it, whatever
 * the machine's own clock says.
 */
class ServerClockTest extends OneCoachWorldTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }

    @Test
    void push_dateOfBirthAfterTheServersToday_isRejected_untilTheServersClockPassesIt() {
        UUID early = world.newId();
        MutationResult refused = anna.push(anna.create(RecordType.PARTICIPANT, early, early,
                "{\"dateOfBirth\":\"2025-06-01\"}")).results().get(0);
        assertEquals(MutationResult.Status.REJECTED, refused.status(), "the server's clock reads 1 March 2025");
        assertEquals(Rejection.Reason.INVALID, refused.rejection().reason());

        world.clock.advance(Duration.ofDays(100));
        UUID later = world.newId();
        MutationResult applied = anna.push(anna.create(RecordType.PARTICIPANT, later, later,
                "{\"dateOfBirth\":\"2025-06-01\"}")).results().get(0);
        assertEquals(MutationResult.Status.APPLIED, applied.status(), "a hundred days later by the same clock");
    }
}
