package nl.koers.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinRulesTest {

    @Test
    void sixDigitsOrMore_thatAreNotASimplePattern_areAccepted() {
        assertEquals(Optional.empty(), PinRules.check("482913".toCharArray()));
        assertEquals(Optional.empty(), PinRules.check("1234567890".toCharArray()), "a run broken by the 0");
        assertEquals(Optional.empty(), PinRules.check("112233".toCharArray()));
    }

    @Test
    void shortOrSimpleDigits_areRefused() {
        assertEquals(Optional.of(PinRules.Problem.TOO_SHORT), PinRules.check("48291".toCharArray()));
        assertEquals(Optional.of(PinRules.Problem.TOO_SHORT), PinRules.check(new char[0]));
        assertEquals(Optional.of(PinRules.Problem.TOO_SIMPLE), PinRules.check("000000".toCharArray()));
        assertEquals(Optional.of(PinRules.Problem.TOO_SIMPLE), PinRules.check("123456".toCharArray()));
        assertEquals(Optional.of(PinRules.Problem.TOO_SIMPLE), PinRules.check("98765432".toCharArray()));
    }

    @Test
    void aPassphrase_needsEightCharacters() {
        assertEquals(Optional.of(PinRules.Problem.TOO_SHORT), PinRules.check("zon-123".toCharArray()));
        assertEquals(Optional.empty(), PinRules.check("zon-1234".toCharArray()));
        assertEquals(Optional.empty(), PinRules.check("ميناء الشمس".toCharArray()), "any script");
    }
}
