package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.koers.app.views.log.LogPresenter;
import nl.koers.app.views.sync.SyncPresenter;
import nl.koers.app.views.today.TodayPresenter;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

class TodayScreenTest extends ScreenTest {

    @Test
    void today_showsOverdueFollowUp_aftercareDueSoon_quietParticipant_andPendingChanges() {
        assertInstanceOf(TodayPresenter.class, app.screen());
        assertEquals("Goedemiddag", text("today-greeting"));
        assertTrue(robot.lookup("#today-follow_up-" + people.meron()).tryQuery().isPresent(), "Meron's follow-up is overdue");
        assertTrue(robot.lookup("#today-aftercare-" + people.lina()).tryQuery().isPresent(), "Lina's first check-in is due tomorrow");
        assertTrue(robot.lookup("#today-silent-" + people.abdullah()).tryQuery().isPresent(), "no contact with Abdullah since January");
        assertFalse(robot.lookup("#today-silent-" + people.yusuf()).tryQuery().isPresent(), "Yusuf was called this morning");
        assertTrue(robot.lookup("#today-pending").tryQuery().isPresent(), "this morning's call is not sent yet");
    }

    @Test
    void tappingAFollowUp_andMarkingItDone_removesItFromToday() {
        hands().tap("today-follow_up-" + people.meron());
        assertInstanceOf(LogPresenter.class, app.screen());
        hands().tap("doneAt-done").tap("form-done");
        assertInstanceOf(TodayPresenter.class, app.screen());
        assertFalse(robot.lookup("#today-follow_up-" + people.meron()).tryQuery().isPresent());
        assertTrue(app.store().records(RecordType.FOLLOW_UP).get(0).fields().hasNonNull("doneAt"));
    }

    @Test
    void tappingPendingChanges_opensSync() {
        hands().tap("today-pending");
        assertInstanceOf(SyncPresenter.class, app.screen());
    }
}
