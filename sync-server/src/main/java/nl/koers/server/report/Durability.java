package nl.koers.server.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.koers.model.AftercareCheckIn;
import nl.koers.model.codes.StillActive;

/**
 * Durability of one outflow to paid work, from aftercare check-ins: the share of the observed days
 * since the outflow date in which the participant was in work. Each done check-in that says
 * whether the participant still works ({@code ja} or {@code nee}) closes an interval from the
 * previous observation (the outflow date for the first); the interval counts as in work when the
 * check-in says {@code ja}. Check-ins saying {@code onbekend}, not done, or done after the
 * reference date observe nothing.
 *
 * @param daysInWork   days of the observed intervals closed by "still working"
 * @param daysObserved days from the outflow date to the last informative check-in
 * @param workedAMonth at least as many days in work as the first calendar month after the outflow has
 * @param outAYear     the outflow date lies at least twelve months before the reference date
 */
record Durability(long daysInWork, long daysObserved, boolean workedAMonth, boolean outAYear) {

    /** The durability of an outflow on {@code outflowDate}, or empty if no check-in observed anything. */
    static Optional<Durability> of(LocalDate outflowDate, List<AftercareCheckIn> checkIns, LocalDate asOf) {
        List<AftercareCheckIn> informative = checkIns.stream()
                .filter(c -> c.doneAt() != null && c.stillActive() != StillActive.ONBEKEND)
                .filter(c -> {
                    LocalDate done = CaseFile.date(c.doneAt());
                    return !done.isAfter(asOf) && done.isAfter(outflowDate);
                })
                .sorted(Comparator.comparing(AftercareCheckIn::doneAt))
                .toList();
        if (informative.isEmpty()) {
            return Optional.empty();
        }
        LocalDate previous = outflowDate;
        long inWork = 0;
        for (AftercareCheckIn checkIn : informative) {
            LocalDate done = CaseFile.date(checkIn.doneAt());
            long days = ChronoUnit.DAYS.between(previous, done);
            if (checkIn.stillActive() == StillActive.JA) {
                inWork += days;
            }
            previous = done;
        }
        long observed = ChronoUnit.DAYS.between(outflowDate, previous);
        long firstMonth = ChronoUnit.DAYS.between(outflowDate, outflowDate.plusMonths(1));
        return Optional.of(new Durability(inWork, observed, inWork >= firstMonth,
                !outflowDate.plusMonths(12).isAfter(asOf)));
    }

    double share() {
        return (double) daysInWork / daysObserved;
    }

    boolean always() {
        return daysInWork == daysObserved;
    }

    boolean atLeastNinetyPercent() {
        return daysInWork * 10 >= daysObserved * 9;
    }
}
