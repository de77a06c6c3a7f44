package nl.koers.server.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.store.jdbc.Dialect;

/**
 * After an erasure: zeroes the bytes of the store file that no row occupies, page by page, so that
 * no old copy of an erased person's rows is left (decision 0020) — without rewriting the file.
 * {@code VACUUM} did the same by copying the whole file while holding the write lock: on a store of
 * many gigabytes every phone's push waited minutes. Here other writers wait for a few pages at a time.
 * <ol>
 *   <li>Under the write turn: a checkpoint that empties the write-ahead log, so the main file holds
 *       every committed page.</li>
 *   <li>Without any lock: read the file and note the table leaf pages that may hold leftover bytes
 *       (a gap or a freeblock not all zero, {@link TableLeafPages}); readers and writers go on.</li>
 *   <li>For {@value #CHUNK} of those pages at a time, under the write turn and SQLite's write lock,
 *       with the log empty again (else the step is tried again shortly): read each page from the
 *       file, zero its leftovers, write it back, sync; then commit a one-row change
 *       ({@code page_scrubs}, not synced: it only has to be seen), which makes every connection drop
 *       the pages it holds in memory, so none writes an unscrubbed copy back. A passive checkpoint
 *       before each turn, outside it, leaves the turn's own checkpoint little to copy.</li>
 *   <li>Mark the erasures scrubbed and empty the log.</li>
 * </ol>
 * Writing into the file beside SQLite touches only bytes SQLite never reads again (the gap between a
 * page's cell pointers and its cells, freeblock bodies, fragments), on table leaves only, and only
 * while no other writer can write and the log is empty; page 1 and the {@code page_scrubs} page, which
 * the step's own connection holds, are left out (they hold no personal data).
 */
final class PageScrub {

    static final int CHUNK = 256;
    private static final int BLOCK_PAGES = 256;
    private static final long RETRY_MILLIS = 20;
    private static final long PATIENCE_MILLIS = 120_000;

    private final Path file;
    private final Path log;
    private final Dialect dialect;

    PageScrub(Path file, Dialect dialect) {
        this.file = file;
        this.log = Path.of(file + "-wal");
        this.dialect = dialect;
    }

    /** Scrubs the file; {@code exclusive} runs a step while no other writer of this process writes. */
    int run(Dialect.Exclusive exclusive, long now) throws SQLException {
        try (Connection connection = dialect.open()) {
            execute(connection, "PRAGMA busy_timeout = 100");
            long ownPage = rootPage(connection, "page_scrubs");
            retry(() -> exclusive.run(() -> checkpointed(connection)));
            List<Long> pages = candidates(ownPage);
            int scrubbed = 0;
            for (int from = 0; from < pages.size(); from += CHUNK) {
                List<Long> chunk = pages.subList(from, Math.min(pages.size(), from + CHUNK));
                int[] done = new int[1];
                passiveCheckpoint(connection);
                retry(() -> exclusive.run(() -> {
                    Integer changed = scrubChunk(connection, chunk);
                    if (changed == null) {
                        return false;
                    }
                    done[0] = changed;
                    return true;
                }));
                scrubbed += done[0];
            }
            retry(() -> exclusive.run(() -> {
                execute(connection, "BEGIN IMMEDIATE");
                try (var update = connection.prepareStatement(
                        "UPDATE erased_participants SET scrubbed_at = ? WHERE scrubbed_at IS NULL")) {
                    update.setLong(1, now);
                    update.executeUpdate();
                    execute(connection, "COMMIT");
                } catch (SQLException e) {
                    execute(connection, "ROLLBACK");
                    throw e;
                }
                return checkpointed(connection);
            }));
            return scrubbed;
        }
    }

    /** One chunk under the write lock: the number of pages changed, or null if the log was not empty. */
    private Integer scrubChunk(Connection connection, List<Long> pages) throws SQLException {
        if (!checkpointed(connection)) {
            return null;
        }
        execute(connection, "PRAGMA synchronous = OFF");
        try {
            return scrubPages(connection, pages);
        } finally {
            execute(connection, "PRAGMA synchronous = FULL");
        }
    }

    /** The pages of one chunk, under the write lock; the chunk's commit is not synced (it only has to be seen). */
    private Integer scrubPages(Connection connection, List<Long> pages) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
        try {
            if (logLength() > 0) {
                execute(connection, "ROLLBACK");
                return null;
            }
            execute(connection, "UPDATE page_scrubs SET runs = runs + 1 WHERE id = 1");
            int changed = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                TableLeafPages leaves = TableLeafPages.ofHeader(header(channel));
                ByteBuffer page = ByteBuffer.allocate(leaves.pageSize());
                for (long number : pages) {
                    long offset = (number - 1) * leaves.pageSize();
                    page.clear();
                    if (channel.read(page, offset) != leaves.pageSize()) {
                        continue;
                    }
                    if (leaves.scrub(page, 0)) {
                        page.rewind();
                        channel.write(page, offset);
                        changed++;
                    }
                }
                if (changed > 0) {
                    channel.force(false);
                }
            }
            execute(connection, "COMMIT");
            return changed;
        } catch (IOException e) {
            execute(connection, "ROLLBACK");
            throw new UncheckedIOException("cannot scrub " + file, e);
        } catch (SQLException | RuntimeException e) {
            execute(connection, "ROLLBACK");
            throw e;
        }
    }

    /**
     * The table leaf pages that may hold leftover bytes, read from the file without any lock (page 1
     * and {@code skip} left out); the chunk reads each again under the lock and decides.
     */
    List<Long> candidates(long skip) {
        List<Long> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            TableLeafPages leaves = TableLeafPages.ofHeader(header(channel));
            int size = leaves.pageSize();
            ByteBuffer block = ByteBuffer.allocate(size * BLOCK_PAGES);
            long pageCount = channel.size() / size;
            for (long first = 1; first <= pageCount; first += BLOCK_PAGES) {
                block.clear();
                long offset = (first - 1) * size;
                while (block.hasRemaining() && channel.read(block, offset + block.position()) > 0) {
                    // read the whole block
                }
                int pagesRead = block.position() / size;
                for (int i = 0; i < pagesRead; i++) {
                    long number = first + i;
                    ByteBuffer page = block.slice(i * size, size);
                    if (number != 1 && number != skip && leaves.mayHoldLeftovers(page)) {
                        found.add(number);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return found;
    }

    private static ByteBuffer header(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(100);
        channel.read(header, 0);
        return header;
    }

    /**
     * Copies what it can of the log into the file without waiting for anyone, outside the write
     * turn, so that the checkpoint inside the turn has little left to copy.
     */
    private static void passiveCheckpoint(Connection connection) throws SQLException {
        execute(connection, "PRAGMA wal_checkpoint(PASSIVE)");
    }

    /** A checkpoint that copies the whole log into the file and truncates it; true if the log is empty now. */
    private boolean checkpointed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return rs.next() && rs.getInt(1) == 0 && logLength() == 0;
        }
    }

    private long logLength() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + log, e);
        }
    }

    private static long rootPage(Connection connection, String table) throws SQLException {
        try (var query = connection.prepareStatement("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** A step that may have to wait for readers or for an empty log: tried again until it succeeds. */
    @FunctionalInterface
    private interface Step {
        boolean run() throws SQLException;
    }

    private static void retry(Step step) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        while (!step.run()) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("the store stayed busy for " + PATIENCE_MILLIS / 1000
                        + " s; the scrub after erasure is still due and runs when the store opens again", "SQLITE_BUSY");
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to scrub the store", e);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
