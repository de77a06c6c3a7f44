package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.testing.CoachHands;
import nl.koers.app.views.participant.ParticipantPresenter;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

/**
 * Registration burden, measured: the taps (and swipes and keystrokes) from Today to a saved
 * standard home visit with one of the coach's participants. docs/STATE.md quotes the number.
 */
class HomeVisitInteractionsTest extends ScreenTest {

    /** The measured count; the issue allows at most 6. */
    static final int STANDARD_HOME_VISIT = 5;

    @Test
    void standardHomeVisitFromToday_takesFiveInteractions_andIsSavedWithItsDefaults() {
        app.context.preferences().setLastMinutes(RecordType.CONTACT, 45);
        CoachHands hands = hands();
        hands.tap("tab-caseload")
                .tap("participant-" + people.yusuf())
                .tap("log-homevisit")
                .tap("topics-werk_zoeken")
                .tap("form-done");

        assertEquals(STANDARD_HOME_VISIT, hands.interactions());
        assertTrue(hands.interactions() <= 6);
        assertInstanceOf(ParticipantPresenter.class, app.screen(), "back on the participant");
        List<LocalRecord> visits = app.store().recordsOfParticipant(people.yusuf()).stream()
                .filter(r -> r.type() == RecordType.CONTACT && r.fields().path("topics").size() == 1).toList();
        assertEquals(1, visits.size());
        LocalRecord visit = visits.get(0);
        assertEquals("huisbezoek", visit.fields().path("kind").asText());
        assertEquals("werk_zoeken", visit.fields().path("topics").get(0).asText());
        assertEquals(45, visit.fields().path("minutes").asInt(), "the last duration used");
        assertEquals(AppUnderTest.NOW, Instant.parse(visit.fields().path("at").asText()), "now");
        assertEquals(AppUnderTest.COACH.toString(), visit.fields().path("authorId").asText());
        assertEquals(app.trajectoryOf(people.yusuf()).toString(), visit.fields().path("trajectoryId").asText());
    }

    @Test
    void homeVisitWithOnlyDefaults_takesFourInteractions() {
        CoachHands hands = hands();
        hands.tap("tab-caseload").tap("participant-" + people.yusuf()).tap("log-homevisit").tap("form-done");
        assertEquals(4, hands.interactions());
        assertEquals(60, app.store().recordsOfParticipant(people.yusuf()).stream()
                .filter(r -> r.type() == RecordType.CONTACT)
                .filter(r -> Instant.parse(r.fields().path("at").asText()).equals(AppUnderTest.NOW))
                .findFirst().orElseThrow().fields().path("minutes").asInt(), "an hour when no duration was used before");
    }
}
