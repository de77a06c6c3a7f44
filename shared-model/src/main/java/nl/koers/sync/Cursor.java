package nl.koers.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A change-feed position, opaque to devices. It carries the server's epoch: after a restore from
 * backup the server has a new epoch, and a cursor from the old one is answered from the start so
 * that the device re-reads everything and replays what it still holds.
 *
 * @param epoch    id of the server store's lifetime; changes on restore
 * @param position the last change-feed position the device has applied
 */
public record Cursor(String epoch, long position) {

    public static final Cursor START = new Cursor("", 0);

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((epoch + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from a device; null or empty means the start. */
    public static Cursor decode(String text) {
        if (text == null || text.isEmpty()) {
            return START;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.lastIndexOf(':');
            long position = Long.parseLong(raw.substring(colon + 1));
            if (colon < 0 || position < 0) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new Cursor(raw.substring(0, colon), position);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the sync cursor is not one this server issued: " + text, e);
        }
    }
}
