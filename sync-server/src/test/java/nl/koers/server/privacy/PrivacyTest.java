package nl.koers.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminException;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEntry;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Json;
import nl.koers.sync.RecordState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and retention against every store: {@code SqlitePrivacyTest}, {@code PostgresPrivacyTest}. */
abstract class PrivacyTest {

    private static final int MONTHS = 24;

    @TempDir
    Path dir;
    SyncWorld world;
    AuditLog audit;
    ParticipantPrivacy privacy;
    Retention retention;
    SyncWorld.Phone anna;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        world = new SyncWorld(newDatabase(dir));
        audit = new AuditLog(world.store, world.clock);
        privacy = new ParticipantPrivacy(world.store, world.admin, audit, world.clock);
        retention = new Retention(world.store, privacy, MONTHS);
        anna = world.coach("Anna Jansen");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private boolean erased(UUID participant) {
        return world.store.read(tx -> tx.erased(participant));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC);
    }

    /** A participant with one trajectory whose extra fields are given (e.g. an end date). */
    private UUID participantWithTrajectory(String trajectoryFields) {
        UUID p = world.newId();
        String fields = trajectoryFields.isEmpty() ? "" : "," + trajectoryFields;
        anna.push(anna.newParticipant(p, "Yonas"), anna.create(RecordType.TRAJECTORY, world.newId(), p,
                "{\"projectId\":\"" + world.project + "\"" + fields + "}"));
        return p;
    }

    @Test
    void export_holdsEveryRecordWithFieldNames_theConsentHistory_andItsOwnAuditEntry() throws Exception {
        UUID p = world.newId();
        UUID contact = world.newId();
        anna.push(anna.create(RecordType.PARTICIPANT, p, p, "{\"givenName\":\"Yonas\",\"consents\":["
                        + "{\"purpose\":\"begeleiding\",\"given\":true,\"date\":\"2025-01-10\",\"recordedBy\":\"" + anna.identity.userId() + "\"},"
                        + "{\"purpose\":\"onderzoek\",\"given\":false,\"date\":\"2025-02-01\",\"recordedBy\":\"" + anna.identity.userId() + "\"}]}"),
                anna.create(RecordType.CONTACT, contact, p, "{\"notes\":\"eerste gesprek\"}"));

        ParticipantExport export = privacy.export(p, Actor.cli());

        assertEquals(List.of(RecordType.PARTICIPANT, RecordType.CONTACT),
                export.records().stream().map(ParticipantExport.ExportedRecord::type).toList());
        assertEquals("Yonas", export.records().get(0).fields().get("givenName").asText());
        assertEquals("eerste gesprek", export.records().get(1).fields().get("notes").asText());
        assertEquals(2, export.consentHistory().size());
        assertEquals("onderzoek", export.consentHistory().get(1).get("purpose").asText());
        assertEquals(anna.identity.userId(), export.assignments().get(0).userId());
        AuditEntry last = export.accessLog().get(export.accessLog().size() - 1);
        assertEquals(AuditAction.EXPORTED, last.action());
        assertEquals(Actor.Kind.CLI, last.actor());
        JsonNode json = Json.MAPPER.readTree(Json.write(export));
        assertEquals("contact", json.get("records").get(1).get("type").asText());
    }

    @Test
    void export_ofAnUnknownParticipant_isNotFound_andRecordsNothing() {
        AdminException e = assertThrows(AdminException.class, () -> privacy.export(world.newId(), Actor.cli()));
        assertEquals("participant_not_found", e.code());
        assertTrue(audit.entries(new AuditQuery(null, null, null, 0, 10)).isEmpty());
    }

    @Test
    void erase_isAudited_andTheExportAfterwardsHoldsOnlyTombstones() {
        UUID p = participantWithTrajectory("");

        privacy.erase(p, null, Actor.adminApi(UUID.randomUUID()), ParticipantPrivacy.ON_REQUEST);

        ParticipantExport export = privacy.export(p, Actor.cli());
        assertTrue(export.erased());
        assertTrue(export.records().stream().allMatch(r -> r.state() == RecordState.ERASED && r.fields().isEmpty()));
        assertEquals(List.of(AuditAction.ERASED, AuditAction.EXPORTED),
                export.accessLog().stream().map(AuditEntry::action).toList());
        assertEquals(ParticipantPrivacy.ON_REQUEST, export.accessLog().get(0).detail());
        assertEquals(Actor.Kind.ADMIN_API, export.accessLog().get(0).actor());
    }

    @Test
    void retention_isDueTheConfiguredMonthsAfterTheLastTrajectoryEnded_notBefore() {
        LocalDate ended = today().minusMonths(MONTHS);
        UUID endedLongAgo = participantWithTrajectory("\"endDate\":\"" + ended + "\"");
        UUID outflowLongAgo = participantWithTrajectory("\"outflow\":\"betaald_werk\",\"outflowDate\":\""
                + ended.minusDays(3) + "\",\"endDate\":\"" + ended.minusDays(3) + "\"");
        participantWithTrajectory("\"endDate\":\"" + ended.plusDays(1) + "\"");
        participantWithTrajectory("");

        List<Retention.Due> due = retention.due(today());

        assertEquals(java.util.Set.of(endedLongAgo, outflowLongAgo),
                due.stream().map(Retention.Due::participantId).collect(java.util.stream.Collectors.toSet()));
        Retention.Due first = due.stream().filter(d -> d.participantId().equals(endedLongAgo)).findFirst().orElseThrow();
        assertEquals(ended, first.lastTrajectoryEnded());
        assertEquals(today(), first.eraseFrom());
    }

    @Test
    void retention_waitsForTheLastOfSeveralTrajectories() {
        UUID p = participantWithTrajectory("\"endDate\":\"" + today().minusYears(5) + "\"");
        anna.push(anna.create(RecordType.TRAJECTORY, world.newId(), p, "{\"projectId\":\"" + world.project + "\"}"));

        assertTrue(retention.due(today()).isEmpty(), "a trajectory still runs");
    }

    @Test
    void retentionSchedule_erasesWhoIsDue_onItsOwnThread_andAuditsIt() throws InterruptedException {
        UUID p = participantWithTrajectory("\"endDate\":\"" + today().minusMonths(MONTHS + 1) + "\"");
        UUID running = participantWithTrajectory("");

        try (RetentionSchedule schedule = RetentionSchedule.start(retention, world.clock, Duration.ZERO, Duration.ofDays(1))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (audit.entries(AuditQuery.ofParticipant(p)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(schedule.runOnce().isEmpty(), "nothing is left to erase");
        }

        assertTrue(erased(p));
        assertFalse(erased(running));
        List<AuditEntry> entries = audit.entries(AuditQuery.ofParticipant(p));
        assertEquals(1, entries.size());
        assertEquals(Actor.Kind.RETENTION, entries.get(0).actor());
        assertEquals(Retention.REASON, entries.get(0).detail());
    }

    @Test
    void retention_countsFromTheInjectedClock_soTimeCanPassWithoutWaiting() {
        UUID p = participantWithTrajectory("\"endDate\":\"" + today() + "\"");
        assertTrue(retention.apply(today()).isEmpty());

        world.clock.advance(Duration.ofDays(366 * 2));

        assertEquals(List.of(p), retention.apply(today()).stream().map(Retention.Due::participantId).toList());
        assertTrue(erased(p));
        assertTrue(retention.due(today()).isEmpty(), "an erased participant is never due again");
    }
}
