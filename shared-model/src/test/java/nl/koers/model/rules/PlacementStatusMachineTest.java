package nl.koers.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import nl.koers.model.codes.PlacementStatus;
import org.junit.jupiter.api.Test;

class PlacementStatusMachineTest {

    @Test
    void next_proposedCanStartOrEnd_activeCanEnd_endedIsFinal() {
        assertEquals(Set.of(PlacementStatus.ACTIEF, PlacementStatus.BEEINDIGD), PlacementStatusMachine.next(PlacementStatus.VOORGESTELD));
        assertEquals(Set.of(PlacementStatus.BEEINDIGD), PlacementStatusMachine.next(PlacementStatus.ACTIEF));
        assertEquals(Set.of(), PlacementStatusMachine.next(PlacementStatus.BEEINDIGD));
    }

    @Test
    void canMove_exactlyWhenRankDoesNotDrop() {
        for (PlacementStatus from : PlacementStatus.values()) {
            for (PlacementStatus to : PlacementStatus.values()) {
                assertEquals(PlacementStatusMachine.rank(to) >= PlacementStatusMachine.rank(from),
                        PlacementStatusMachine.canMove(from, to), from + " -> " + to);
            }
        }
    }
}
