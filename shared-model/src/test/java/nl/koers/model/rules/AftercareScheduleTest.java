package nl.koers.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.model.Placement;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;
import org.junit.jupiter.api.Test;

class AftercareScheduleTest {

    private static final UUID PLACEMENT = new UUID(7, 7);

    private static Placement placement(PlacementType type, PlacementStatus status, LocalDate start) {
        return new Placement(new UUID(1, 1), type, "Zorg BV", null, "zorg", "helpende", start, null, 24.0,
                null, null, status, null, null, null);
    }

    @Test
    void checkIns_paidJobActive_dueOneThreeSixTwelveMonthsAfterStart() {
        List<AftercareSchedule.ScheduledCheckIn> checkIns = AftercareSchedule.DEFAULT.checkIns(PLACEMENT,
                placement(PlacementType.BETAALDE_BAAN, PlacementStatus.ACTIEF, LocalDate.of(2024, 4, 1)));
        assertEquals(List.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1), LocalDate.of(2025, 4, 1)),
                checkIns.stream().map(AftercareSchedule.ScheduledCheckIn::dueDate).toList());
        assertEquals(List.of(1, 3, 6, 12), checkIns.stream().map(AftercareSchedule.ScheduledCheckIn::monthsAfterStart).toList());
    }

    @Test
    void checkIns_startOn31January_dueOnLastDayOfShorterMonth() {
        assertEquals(LocalDate.of(2024, 2, 29), new AftercareSchedule(List.of(1)).checkIns(PLACEMENT,
                placement(PlacementType.OPLEIDING, PlacementStatus.ACTIEF, LocalDate.of(2024, 1, 31))).get(0).dueDate());
    }

    @Test
    void checkIns_sameOnEveryDevice_idsDerivedFromPlacement() {
        Placement job = placement(PlacementType.BETAALDE_BAAN, PlacementStatus.ACTIEF, LocalDate.of(2024, 4, 1));
        assertEquals(AftercareSchedule.DEFAULT.checkIns(PLACEMENT, job), AftercareSchedule.DEFAULT.checkIns(PLACEMENT, job));
        assertEquals(4, AftercareSchedule.DEFAULT.checkIns(PLACEMENT, job).stream()
                .map(AftercareSchedule.ScheduledCheckIn::checkInId).distinct().count());
    }

    @Test
    void checkIns_otherTypeProposedOrWithoutStart_none() {
        LocalDate start = LocalDate.of(2024, 4, 1);
        assertEquals(List.of(), AftercareSchedule.DEFAULT.checkIns(PLACEMENT, placement(PlacementType.STAGE, PlacementStatus.ACTIEF, start)));
        assertEquals(List.of(), AftercareSchedule.DEFAULT.checkIns(PLACEMENT, placement(PlacementType.BETAALDE_BAAN, PlacementStatus.VOORGESTELD, start)));
        assertEquals(List.of(), AftercareSchedule.DEFAULT.checkIns(PLACEMENT, placement(PlacementType.BETAALDE_BAAN, PlacementStatus.ACTIEF, null)));
    }

    @Test
    void new_monthsNotIncreasing_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new AftercareSchedule(List.of(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> new AftercareSchedule(List.of(0, 3)));
    }
}
