package nl.koers.server.store.sqlite;

import java.nio.ByteBuffer;

/**
 * The bytes of an SQLite table b-tree leaf page that no row occupies, read from the page as the
 * file format lays it out (sqlite.org/fileformat.html, "B-tree Pages"): the page header, the cell
 * pointer array, and each cell (payload size, row id, the payload kept on the page and the number
 * of its first overflow page). Everything else — the gap between the pointer array and the cells,
 * the bodies of freeblocks, fragments — holds nothing SQLite reads again, but may hold an old copy
 * of a row: {@code secure_delete} zeroes a row's cell when the row is deleted or rewritten, but
 * rebuilding a page while rebalancing the tree leaves whatever lay in its gap.
 *
 * <p>A page that is not a table leaf, or whose header and cells do not add up, is left alone.
 */
final class TableLeafPages {

    private static final int TABLE_LEAF = 0x0D;
    private static final int HEADER = 8;

    private final int pageSize;
    private final int usable;
    private final int maxLocal;
    private final int minLocal;

    /**
     * @param pageSize the file's page size
     * @param reserved the bytes reserved at the end of every page (usually 0)
     */
    TableLeafPages(int pageSize, int reserved) {
        this.pageSize = pageSize;
        this.usable = pageSize - reserved;
        this.maxLocal = usable - 35;
        this.minLocal = ((usable - 12) * 32 / 255) - 23;
    }

    static TableLeafPages ofHeader(ByteBuffer fileHeader) {
        int size = Short.toUnsignedInt(fileHeader.getShort(16));
        return new TableLeafPages(size == 1 ? 65536 : size, Byte.toUnsignedInt(fileHeader.get(20)));
    }

    int pageSize() {
        return pageSize;
    }

    /**
     * Zeroes the bytes of the page that no row occupies (freeblock headers stay).
     *
     * @param page       one page, position 0 at its first byte
     * @param headerAt   where the b-tree header starts: 100 on page 1, else 0
     * @return whether any of them was not zero (the page changed); false for a page that is not a
     *         well-formed table leaf
     */
    boolean scrub(ByteBuffer page, int headerAt) {
        boolean[] used = occupied(page, headerAt);
        if (used == null) {
            return false;
        }
        boolean changed = false;
        for (int i = headerAt; i < usable; i++) {
            if (!used[i] && page.get(i) != 0) {
                page.put(i, (byte) 0);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Whether the page may hold leftovers, judged quickly for a scan of the whole file: a table leaf
     * whose gap between its cell pointers and its cells, or a freeblock's body, is not all zero, or
     * that does not read as a well-formed leaf (caught while being written). {@link #scrub} then
     * decides on the page read again under the write lock.
     */
    boolean mayHoldLeftovers(ByteBuffer page) {
        if (Byte.toUnsignedInt(page.get(0)) != TABLE_LEAF) {
            return false;
        }
        int cells = Short.toUnsignedInt(page.getShort(3));
        int contentStart = Short.toUnsignedInt(page.getShort(5));
        if (contentStart == 0) {
            contentStart = 65536;
        }
        int pointersEnd = HEADER + 2 * cells;
        if (pointersEnd > contentStart || contentStart > usable) {
            return true;
        }
        if (!zero(page, pointersEnd, contentStart)) {
            return true;
        }
        int free = Short.toUnsignedInt(page.getShort(1));
        int guard = 0;
        while (free != 0) {
            if (free < contentStart || free + 4 > usable || ++guard > usable / 4) {
                return true;
            }
            int size = Short.toUnsignedInt(page.getShort(free + 2));
            if (free + size > usable || !zero(page, free + 4, free + size)) {
                return true;
            }
            free = Short.toUnsignedInt(page.getShort(free));
        }
        return false;
    }

    private static boolean zero(ByteBuffer page, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (page.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (page.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Which bytes the header, the pointers, the cells and the freeblock headers take; null if not a table leaf. */
    private boolean[] occupied(ByteBuffer page, int headerAt) {
        if (Byte.toUnsignedInt(page.get(headerAt)) != TABLE_LEAF) {
            return null;
        }
        int cells = Short.toUnsignedInt(page.getShort(headerAt + 3));
        int contentStart = Short.toUnsignedInt(page.getShort(headerAt + 5));
        if (contentStart == 0) {
            contentStart = 65536;
        }
        int pointersEnd = headerAt + HEADER + 2 * cells;
        if (pointersEnd > contentStart || contentStart > usable) {
            return null;
        }
        boolean[] used = new boolean[usable];
        mark(used, headerAt, pointersEnd);
        for (int c = 0; c < cells; c++) {
            int at = Short.toUnsignedInt(page.getShort(headerAt + HEADER + 2 * c));
            int size = at < contentStart ? -1 : cellSize(page, at);
            if (size < 0 || at + size > usable) {
                return null;
            }
            mark(used, at, at + size);
        }
        int free = Short.toUnsignedInt(page.getShort(headerAt + 1));
        int guard = 0;
        while (free != 0) {
            if (free < contentStart || free + 4 > usable || ++guard > usable / 4) {
                return null;
            }
            mark(used, free, free + 4);
            int next = Short.toUnsignedInt(page.getShort(free));
            if (next != 0 && next <= free) {
                return null;
            }
            free = next;
        }
        return used;
    }

    /** The size of the cell at {@code at}: its two varints, the payload kept locally and, if it spills, the overflow page number. */
    private int cellSize(ByteBuffer page, int at) {
        long[] payload = varint(page, at);
        if (payload == null) {
            return -1;
        }
        long[] rowid = varint(page, at + (int) payload[1]);
        if (rowid == null) {
            return -1;
        }
        long size = payload[0];
        int header = (int) (payload[1] + rowid[1]);
        if (size <= maxLocal) {
            return Math.max(4, header + (int) size);
        }
        long local = minLocal + (size - minLocal) % (usable - 4);
        if (local > maxLocal) {
            local = minLocal;
        }
        return header + (int) local + 4;
    }

    /** A varint at {@code at}: {value, length}; null if it runs past the page. */
    private long[] varint(ByteBuffer page, int at) {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (at + i >= usable) {
                return null;
            }
            int b = Byte.toUnsignedInt(page.get(at + i));
            if (i == 8) {
                return new long[] {(value << 8) | b, 9};
            }
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return new long[] {value, i + 1};
            }
        }
        return null;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }
}
