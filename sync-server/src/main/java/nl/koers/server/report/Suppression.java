package nl.koers.server.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Small-number suppression for external audiences. Primary: every count from 1 to threshold − 1
 * is hidden, as is every measure over fewer than threshold cases and every table whose N is below
 * it. Complementary: wherever a hidden count could be recovered by subtracting the visible ones
 * from a printed total, the smallest other non-zero count on that line is hidden as well, until
 * no line has exactly one hidden count. Lines are the rows of a distribution (they add up to N),
 * the cells of a cross-table row (they add up to the row's N), and one row key across the groups
 * of a grouped report (they add up to the total table's row).
 */
final class Suppression {

    private final int threshold;

    Suppression(int threshold) {
        this.threshold = threshold;
    }

    /**
     * Suppresses one table and its counterparts in the groups.
     *
     * @param total  the table over the whole selection
     * @param groups the same table per group (empty without grouping)
     */
    void apply(TableDraft total, List<TableDraft> groups) {
        List<TableDraft> all = new ArrayList<>();
        all.add(total);
        all.addAll(groups);
        all.forEach(this::primary);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TableDraft table : all) {
                changed |= complementWithin(table);
            }
            if (!groups.isEmpty()) {
                changed |= complementAcross(total, groups);
            }
        }
    }

    private boolean small(long count) {
        return count > 0 && count < threshold;
    }

    private void primary(TableDraft table) {
        if (table.layout == TableDraft.Layout.MATRIX) {
            return;
        }
        if (small(table.n)) {
            table.wholeSuppressed = true;
        }
        for (TableDraft.DraftRow row : table.rows.values()) {
            switch (table.layout) {
                case SUMMARY -> row.suppressed[0] = row.counts[0] < threshold;
                case CROSS -> {
                    boolean rowSmall = small(row.total());
                    for (int i = 0; i < row.counts.length; i++) {
                        row.suppressed[i] = rowSmall || small(row.counts[i]);
                    }
                }
                default -> row.suppressed[0] = small(row.counts[0]);
            }
        }
    }

    /** One more hidden count in a line that has exactly one, inside one table. */
    private boolean complementWithin(TableDraft table) {
        if (table.wholeSuppressed) {
            return false;
        }
        boolean changed = false;
        if (table.layout == TableDraft.Layout.DISTRIBUTION) {
            List<Slot> line = table.rows.values().stream().map(r -> new Slot(r, 0)).toList();
            changed = complement(line);
        } else if (table.layout == TableDraft.Layout.CROSS) {
            for (TableDraft.DraftRow row : table.rows.values()) {
                List<Slot> line = new ArrayList<>();
                for (int i = 0; i < row.counts.length; i++) {
                    line.add(new Slot(row, i));
                }
                changed |= complement(line);
            }
        }
        return changed;
    }

    /** One row key across the groups adds up to the total table's row: the same rule per key. */
    private boolean complementAcross(TableDraft total, List<TableDraft> groups) {
        if (total.layout != TableDraft.Layout.DISTRIBUTION || total.wholeSuppressed) {
            return false;
        }
        boolean changed = false;
        for (TableDraft.DraftRow totalRow : total.rows.values()) {
            if (totalRow.suppressed[0]) {
                continue;
            }
            List<Slot> line = new ArrayList<>();
            for (TableDraft group : groups) {
                TableDraft.DraftRow row = group.rows.get(totalRow.key);
                if (row != null) {
                    if (group.wholeSuppressed) {
                        row.suppressed[0] = true;
                    }
                    line.add(new Slot(row, 0));
                }
            }
            changed |= complement(line);
        }
        return changed;
    }

    private record Slot(TableDraft.DraftRow row, int index) {
        long count() {
            return row.counts[index];
        }

        boolean hidden() {
            return row.suppressed[index];
        }
    }

    private static boolean complement(List<Slot> line) {
        if (line.stream().filter(Slot::hidden).count() != 1) {
            return false;
        }
        Optional<Slot> next = line.stream().filter(s -> !s.hidden() && s.count() > 0)
                .min(Comparator.comparingLong(Slot::count));
        next.ifPresent(s -> s.row.suppressed[s.index] = true);
        return next.isPresent();
    }
}
