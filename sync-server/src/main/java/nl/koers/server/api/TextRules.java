package nl.koers.server.api;

import java.util.Optional;

/**
 * Which characters the text of a request may hold. Any text, a record's free-text fields
 * included, may not hold C0 control characters other than tab, line feed and carriage return, nor
 * half of a surrogate pair on its own (JSON escapes such as {@code \ud800} decode to one; stored
 * as UTF-8 it would become {@code ?}). A name, an id, a code, an e-mail address or a password is
 * one line of text: no control character at all, no line or paragraph separator, no byte order
 * mark and no non-character either.
 */
final class TextRules {

    private TextRules() {
    }

    /** The first character that no text may hold, described with its position; empty if there is none. */
    static Optional<String> inAnyText(String text) {
        return first(text, false);
    }

    /** The first character that a name, an id or a code may not hold; empty if there is none. */
    static Optional<String> inOneLine(String text) {
        return first(text, true);
    }

    private static Optional<String> first(String text, boolean oneLine) {
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            position++;
            int c = text.codePointAt(i);
            String kind = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? "half of a surrogate pair"
                    : c < 0x20 && (oneLine || (c != '\t' && c != '\n' && c != '\r')) ? "a control character"
                    : oneLine ? oneLineKind(c) : null;
            if (kind != null) {
                return Optional.of("U+%04X (%s) at character %d".formatted(c, kind, position));
            }
        }
        return Optional.empty();
    }

    private static String oneLineKind(int c) {
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (c == 0x2028 || c == 0x2029) {
            return "a line or paragraph separator";
        }
        if (c == 0xFEFF) {
            return "a byte order mark";
        }
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ? "a non-character" : null;
    }
}
