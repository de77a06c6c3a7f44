package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {

    private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(wall.get());
        }
    };

    @Test
    void now_wallClockJumpsBack_stampsKeepIncreasing() {
        HybridLogicalClock hlc = new HybridLogicalClock(clock, "dev-a");
        Hlc first = hlc.now();
        wall.addAndGet(-3 * 24 * 3600 * 1000L);
        Hlc second = hlc.now();
        assertTrue(second.isAfter(first), second + " after " + first);
        assertEquals(first.wallMillis(), second.wallMillis());
        assertEquals(first.counter() + 1, second.counter());
    }

    @Test
    void receive_remoteAhead_nextLocalStampSortsAfterRemote() {
        HybridLogicalClock hlc = new HybridLogicalClock(clock, "dev-a");
        Hlc remote = new Hlc(wall.get() + 60_000, 7, "server");
        hlc.receive(remote);
        Hlc next = hlc.now();
        assertTrue(next.isAfter(remote));
    }

    @Test
    void encode_sortsLikeCompareTo() {
        Hlc a = new Hlc(5, 9999, "z");
        Hlc b = new Hlc(6, 0, "a");
        assertTrue(a.encode().compareTo(b.encode()) < 0);
        assertTrue(a.compareTo(b) < 0);
        assertEquals(a, Hlc.parse(a.encode()));
    }

    @Test
    void encode_zeroPadsWallTimeAndCounter_andKeepsLongerNumbersWhole() {
        assertEquals("0001740823200000-0042-phone-1", new Hlc(1_740_823_200_000L, 42, "phone-1").encode());
        assertEquals("0000000000000000-0000-x", new Hlc(0, 0, "x").encode());
        assertEquals("12345678901234567-9999-x", new Hlc(12_345_678_901_234_567L, 9999, "x").encode());
        assertEquals("0001740823200000-0003-n", Hlc.parse("+001740823200000-0003-n").encode());
    }

    @Test
    void parse_garbage_namesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hlc.parse("yesterday"));
        assertTrue(e.getMessage().contains("yesterday"));
    }

    @Test
    void clampTo_stampFarAhead_pulledBackToBound() {
        Hlc ahead = new Hlc(10_000, 3, "fast-phone");
        assertEquals(new Hlc(5_000, 3, "fast-phone"), ahead.clampTo(5_000));
        assertEquals(ahead, ahead.clampTo(20_000));
    }

    @Test
    void now_counterOverflows_carriesIntoWallTime() {
        HybridLogicalClock hlc = new HybridLogicalClock(clock, "n", new Hlc(wall.get(), Hlc.MAX_COUNTER, "n"));
        Hlc next = hlc.now();
        assertEquals(wall.get() + 1, next.wallMillis());
        assertEquals(0, next.counter());
    }
}
