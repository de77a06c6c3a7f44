package nl.koers.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    @Test
    void fiveWrongPinsAreFree_thenTheWaitsGrow_toAnHourEach() {
        for (int failed = 0; failed < 5; failed++) {
            assertEquals(Duration.ZERO, LockoutPolicy.waitAfter(failed));
            assertEquals(5 - failed, LockoutPolicy.attemptsLeft(failed));
        }
        assertEquals(Duration.ofSeconds(30), LockoutPolicy.waitAfter(5));
        assertEquals(Duration.ofMinutes(1), LockoutPolicy.waitAfter(6));
        assertEquals(Duration.ofMinutes(5), LockoutPolicy.waitAfter(7));
        assertEquals(Duration.ofMinutes(15), LockoutPolicy.waitAfter(8));
        assertEquals(Duration.ofHours(1), LockoutPolicy.waitAfter(9));
        assertEquals(Duration.ofHours(1), LockoutPolicy.waitAfter(1_000));
        assertEquals(0, LockoutPolicy.attemptsLeft(7));
    }

    @Test
    void fiftyGuesses_takeMoreThanFortyOneHours_aMillionSixDigitPins_moreThanAHundredYears() {
        assertEquals(Duration.ofHours(41).plusMinutes(21).plusSeconds(30), timeForGuesses(50));
        assertEquals(114, timeForGuesses(1_000_000).toDays() / 365);
    }

    /** The least time the waits allow for this many wrong guesses in a row. */
    private static Duration timeForGuesses(int guesses) {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < guesses; failed++) {
            total = total.plus(LockoutPolicy.waitAfter(failed));
        }
        return total;
    }
}
