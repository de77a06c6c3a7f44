package nl.koers.model.rules;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.koers.model.codes.PlacementStatus;

/**
 * The life of a placement: proposed, then active, then ended; a proposal can also end without
 * starting (not accepted, withdrawn). A status never goes back, so concurrent edits resolve to the
 * furthest status and every device converges on it.
 */
public final class PlacementStatusMachine {

    private static final Map<PlacementStatus, Set<PlacementStatus>> NEXT = new EnumMap<>(Map.of(
            PlacementStatus.VOORGESTELD, EnumSet.of(PlacementStatus.ACTIEF, PlacementStatus.BEEINDIGD),
            PlacementStatus.ACTIEF, EnumSet.of(PlacementStatus.BEEINDIGD),
            PlacementStatus.BEEINDIGD, EnumSet.noneOf(PlacementStatus.class)));

    private PlacementStatusMachine() {
    }

    /** The statuses a placement can move to from {@code from}. */
    public static Set<PlacementStatus> next(PlacementStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    /** Whether a placement may go from one status to the other; staying is always allowed. */
    public static boolean canMove(PlacementStatus from, PlacementStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** How far along the life a status is: the merge keeps the highest rank. */
    public static int rank(PlacementStatus status) {
        return status.ordinal();
    }
}
