package nl.koers.model.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.model.Placement;
import nl.koers.model.codes.PlacementStatus;

/**
 * When aftercare check-ins (<i>nazorg</i>) are due: a paid job or education that is active with a
 * start date gets one check-in per configured month after the start (default 1, 3, 6, 12; per
 * project). Deterministic: the same placement always gives the same check-ins, with ids derived
 * from the placement, so two devices that schedule concurrently create the same records and the
 * merge unites them instead of doubling them.
 */
public final class AftercareSchedule {

    /** The default months after the start: 1, 3, 6 and 12. */
    public static final AftercareSchedule DEFAULT = new AftercareSchedule(List.of(1, 3, 6, 12));

    private final List<Integer> months;

    /** @param months months after the start, strictly increasing, each at least 1 */
    public AftercareSchedule(List<Integer> months) {
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i) < 1 || (i > 0 && months.get(i) <= months.get(i - 1))) {
                throw new IllegalArgumentException("aftercare months must be increasing and at least 1: " + months);
            }
        }
        this.months = List.copyOf(months);
    }

    public List<Integer> months() {
        return months;
    }

    /** One scheduled check-in: its record id, how many months after the start, and its due date. */
    public record ScheduledCheckIn(UUID checkInId, int monthsAfterStart, LocalDate dueDate) {
    }

    /**
     * The check-ins of a placement; none unless it is a paid job or education, active, with a start
     * date. A due date in a shorter month falls on its last day (31 January + 1 month = 28/29 February).
     */
    public List<ScheduledCheckIn> checkIns(UUID placementId, Placement placement) {
        if (placement.placementType() == null || !placement.placementType().startsAftercare()
                || placement.status() != PlacementStatus.ACTIEF || placement.startDate() == null) {
            return List.of();
        }
        return months.stream()
                .map(m -> new ScheduledCheckIn(checkInId(placementId, m), m, placement.startDate().plusMonths(m)))
                .toList();
    }

    /** The stable id of the check-in {@code months} after the start of a placement. */
    public static UUID checkInId(UUID placementId, int months) {
        return UUID.nameUUIDFromBytes(("koers:aftercare:" + placementId + ":" + months).getBytes(StandardCharsets.UTF_8));
    }
}
