package nl.koers.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.app.security.DataKey;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIN in front of the data key: wrong PINs are counted in the file (a restart does not reset
 * them), five cost nothing, then waits grow (30 s, 1 min, 5 min, 15 min, 1 h), no PIN is tried
 * during a wait, and nothing is ever wiped. The clock is a manual one: no test sleeps.
 */
class PinLockTest {

    private static final String PIN = "482913";
    private static final String WRONG = "000001";
    private static final UUID PARTICIPANT = new UUID(0xE, 1);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    private LocalStore store;

    @BeforeEach
    void chooseThePinAndSaveSomething() {
        store = LocalStore.open(dir, clock, new SequentialIds(1));
        assertFalse(store.hasPin());
        store.choosePin(PIN.toCharArray());
        assertTrue(store.save(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, MinimalRecords.of(RecordType.PARTICIPANT,
                Json.object().put("givenName", "Samira"))).saved());
        reopen();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = LocalStore.open(dir, clock, new SequentialIds(50));
    }

    @Test
    void lockedStore_answersNothing_untilTheRightPin() {
        assertTrue(store.hasPin());
        assertFalse(store.isUnlocked());
        assertThrows(StoreLockedException.class, () -> store.record(PARTICIPANT));
        assertThrows(StoreLockedException.class, () -> store.pendingCount());

        assertEquals(new UnlockResult.Unlocked(), store.unlock(PIN.toCharArray()));

        assertEquals("Samira", store.record(PARTICIPANT).orElseThrow().fields().path("givenName").asText());
        store.lock();
        assertThrows(StoreLockedException.class, () -> store.record(PARTICIPANT));
    }

    @Test
    void wrongPins_areCountedInTheFile_soARestartDoesNotResetThem() {
        assertEquals(new UnlockResult.WrongPin(4, Optional.empty()), store.unlock(WRONG.toCharArray()));
        assertEquals(new UnlockResult.WrongPin(3, Optional.empty()), store.unlock(WRONG.toCharArray()));
        assertEquals(new UnlockResult.WrongPin(2, Optional.empty()), store.unlock(WRONG.toCharArray()));
        reopen();
        assertEquals(new UnlockResult.WrongPin(1, Optional.empty()), store.unlock(WRONG.toCharArray()));
        reopen();

        assertEquals(new UnlockResult.WrongPin(0, Optional.of(clock.instant().plusSeconds(30))), store.unlock(WRONG.toCharArray()));

        reopen();
        assertEquals(Optional.of(clock.instant().plusSeconds(30)), store.pinWaitUntil(), "the wait survives a restart");
        assertEquals(new UnlockResult.LockedOut(clock.instant().plusSeconds(30)), store.unlock(PIN.toCharArray()),
                "during a wait even the right PIN is not tried");
        assertFalse(store.isUnlocked());
    }

    @Test
    void waitsEscalate_andTheRightPinAfterAWait_opensAndStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            store.unlock(WRONG.toCharArray());
        }
        List<Duration> waits = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1));
        for (Duration wait : waits) {
            Instant until = clock.instant().plus(wait);
            assertEquals(new UnlockResult.WrongPin(0, Optional.of(until)), store.unlock(WRONG.toCharArray()));
            clock.advance(wait.minusSeconds(1));
            assertEquals(new UnlockResult.LockedOut(until), store.unlock(WRONG.toCharArray()), "one second before the end");
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(new UnlockResult.Unlocked(), store.unlock(PIN.toCharArray()));
        assertEquals("Samira", store.record(PARTICIPANT).orElseThrow().fields().path("givenName").asText(),
                "ten wrong PINs wiped nothing");
        store.lock();
        assertEquals(new UnlockResult.WrongPin(4, Optional.empty()), store.unlock(WRONG.toCharArray()),
                "a right PIN starts the count again");
    }

    @Test
    void fiftyGuessesInARow_oneASecond_onlySixAreEvenTried() {
        int tried = 0;
        int refusedUntried = 0;
        for (int guess = 0; guess < 50; guess++) {
            UnlockResult result = store.unlock(String.format("%06d", 100_000 + guess).toCharArray());
            if (result instanceof UnlockResult.WrongPin) {
                tried++;
            } else {
                assertInstanceOf(UnlockResult.LockedOut.class, result);
                refusedUntried++;
            }
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(6, tried, "five free, the sixth after the 30 s wait; the next wait (1 min) outlasts the run");
        assertEquals(44, refusedUntried);
        assertFalse(store.isUnlocked());
    }

    @Test
    void changePin_needsTheCurrentOne_countsAWrongOne_andKeepsTheData() {
        assertEquals(new UnlockResult.WrongPin(4, Optional.empty()), store.changePin(WRONG.toCharArray(), "731904".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.changePin(PIN.toCharArray(), "123456".toCharArray()),
                "the new PIN follows the rules");

        assertEquals(new UnlockResult.Unlocked(), store.changePin(PIN.toCharArray(), "731904".toCharArray()));
        reopen();

        assertInstanceOf(UnlockResult.WrongPin.class, store.unlock(PIN.toCharArray()), "the old PIN no longer opens it");
        assertEquals(new UnlockResult.Unlocked(), store.unlock("731904".toCharArray()));
        assertEquals("Samira", store.record(PARTICIPANT).orElseThrow().fields().path("givenName").asText(),
                "the same data key, re-wrapped: nothing was re-encrypted");
    }

    @Test
    void choosingAPinAgain_orOpeningWithAnotherKey_isRefused() {
        assertThrows(IllegalStateException.class, () -> store.choosePin("731904".toCharArray()));
        StoreException refused = assertThrows(StoreException.class, () -> store.unlock(DataKey.generate(new SecureRandom())));
        assertTrue(refused.getMessage().contains("does not open"), refused.getMessage());
        assertFalse(store.isUnlocked());
    }

    @Test
    void weakFirstPins_areRefused_andNothingIsStored() {
        Path fresh = dir.resolve("fresh");
        try (LocalStore other = LocalStore.open(fresh, clock, new SequentialIds(70))) {
            for (String weak : List.of("12345", "111111", "654321", "kort")) {
                assertThrows(IllegalArgumentException.class, () -> other.choosePin(weak.toCharArray()), weak);
            }
            assertFalse(other.hasPin());
            other.choosePin("een lange wachtzin".toCharArray());
            assertTrue(other.isUnlocked());
        }
    }
}
