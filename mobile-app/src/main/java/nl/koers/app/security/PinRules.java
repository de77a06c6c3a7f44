package nl.koers.app.security;

import java.util.Optional;

/**
 * What a PIN must be: at least six digits that are not all the same and not a straight run
 * (123456, 987654), or a passphrase (anything that is not only digits) of at least eight characters.
 */
public final class PinRules {

    /** Why a PIN was not accepted. */
    public enum Problem {
        /** Fewer than six digits, or a passphrase shorter than eight characters. */
        TOO_SHORT,
        /** The same digit throughout, or digits counting up or down. */
        TOO_SIMPLE
    }

    public static final int MIN_DIGITS = 6;
    public static final int MIN_PASSPHRASE = 8;

    private PinRules() {
    }

    /** Empty if the PIN may be used. */
    public static Optional<Problem> check(char[] pin) {
        boolean digitsOnly = pin.length > 0;
        for (char c : pin) {
            digitsOnly &= c >= '0' && c <= '9';
        }
        if (!digitsOnly) {
            return pin.length < MIN_PASSPHRASE ? Optional.of(Problem.TOO_SHORT) : Optional.empty();
        }
        if (pin.length < MIN_DIGITS) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return sameStepThroughout(pin) ? Optional.of(Problem.TOO_SIMPLE) : Optional.empty();
    }

    /** 111111, 123456, 987654: every digit differs from the one before by the same step of -1, 0 or 1. */
    private static boolean sameStepThroughout(char[] digits) {
        int step = digits[1] - digits[0];
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < digits.length; i++) {
            if (digits[i] - digits[i - 1] != step) {
                return false;
            }
        }
        return true;
    }
}
