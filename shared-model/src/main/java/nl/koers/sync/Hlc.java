package nl.koers.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * A hybrid-logical-clock timestamp: wall-clock milliseconds, a logical counter for events within
 * one millisecond, and the id of the node (device or server) that made it.
 *
 * <p>The text form {@code 0001700000000000-0003-<node>} sorts lexicographically in the same order
 * as {@link #compareTo}, so timestamps can be compared as strings in SQL and JSON alike. The node
 * id breaks ties, which makes the order total: two different writers never produce equal stamps.
 * A device's node is its device id ({@link #nodeOf}), which the server drew at random when the
 * device was paired and checks on every push: no device can choose a node that wins ties.
 */
public record Hlc(long wallMillis, int counter, String node) implements Comparable<Hlc> {

    private static final int WALL_DIGITS = 16;
    private static final int COUNTER_DIGITS = 4;
    static final int MAX_COUNTER = 9999;

    public Hlc {
        if (wallMillis < 0) {
            throw new IllegalArgumentException("HLC wall time must not be negative: " + wallMillis);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("HLC counter out of range 0.." + MAX_COUNTER + ": " + counter);
        }
        Objects.requireNonNull(node, "node");
        if (node.isEmpty()) {
            throw new IllegalArgumentException("HLC node must not be empty");
        }
    }

    /** The node of every stamp a device sends: its device id, in canonical lower-case form. */
    public static String nodeOf(UUID deviceId) {
        return deviceId.toString();
    }

    /** Parses the text form; throws {@link IllegalArgumentException} with the reason if malformed. */
    public static Hlc parse(String text) {
        if (text == null || text.length() < WALL_DIGITS + COUNTER_DIGITS + 3
                || text.charAt(WALL_DIGITS) != '-' || text.charAt(WALL_DIGITS + COUNTER_DIGITS + 1) != '-') {
            throw new IllegalArgumentException("not a hybrid logical clock timestamp: " + text);
        }
        try {
            long wall = Long.parseLong(text.substring(0, WALL_DIGITS));
            int counter = Integer.parseInt(text.substring(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS));
            return new Hlc(wall, counter, text.substring(WALL_DIGITS + COUNTER_DIGITS + 2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a hybrid logical clock timestamp: " + text, e);
        }
    }

    public String encode() {
        StringBuilder text = new StringBuilder(WALL_DIGITS + COUNTER_DIGITS + 2 + node.length());
        zeroPadded(text, Long.toString(wallMillis), WALL_DIGITS);
        text.append('-');
        zeroPadded(text, Integer.toString(counter), COUNTER_DIGITS);
        return text.append('-').append(node).toString();
    }

    private static void zeroPadded(StringBuilder text, String digits, int width) {
        text.repeat('0', Math.max(0, width - digits.length())).append(digits);
    }

    /**
     * Limits a stamp from a device whose clock runs ahead: a stamp more than the allowed skew
     * beyond the server's time is pulled back to that bound, so one fast phone cannot win every
     * conflict for days.
     */
    public Hlc clampTo(long maxWallMillis) {
        return wallMillis <= maxWallMillis ? this : new Hlc(maxWallMillis, counter, node);
    }

    @Override
    public int compareTo(Hlc other) {
        int c = Long.compare(wallMillis, other.wallMillis);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(counter, other.counter);
        return c != 0 ? c : node.compareTo(other.node);
    }

    public boolean isAfter(Hlc other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return encode();
    }
}
