package nl.koers.server.admin;

import java.util.Locale;

/**
 * Pairing codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to
 * read aloud and type on a phone. Input is normalised: case, spaces and dashes do not matter.
 */
final class PairingCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private PairingCodes() {
    }

    static String generate(RandomIds random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.below(ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
