package nl.koers.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.sync.SyncException;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Mutation;
import nl.koers.sync.PairingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against every store: {@code SqliteAuditTest}, {@code PostgresAuditTest}. */
abstract class AuditTest {

    private static final String SEEDED_NAME = "Yonas Tesfamariam";

    @TempDir
    Path dir;
    SyncWorld world;
    AuditLog log;
    AuditingSyncService sync;
    SyncWorld.Phone anna;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        world = new SyncWorld(newDatabase(dir));
        log = new AuditLog(world.store, world.clock);
        sync = new AuditingSyncService(world.sync, log);
        anna = world.coach("Anna Jansen");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private List<AuditEntry> all() {
        return log.entries(new AuditQuery(null, null, null, 0, AuditQuery.MAX_LIMIT));
    }

    @Test
    void push_appliedAndRejected_areRecordedPerMutation_withIdsAndCodesOnly() {
        UUID p = world.newId();
        UUID contact = world.newId();
        Mutation participant = anna.newParticipant(p, SEEDED_NAME);
        Mutation badContact = anna.create(RecordType.CONTACT, contact, p, "{\"minutes\":-5}");
        anna.push(sync, List.of(participant, badContact));

        List<AuditEntry> entries = all();
        assertEquals(2, entries.size());
        AuditEntry applied = entries.get(0);
        assertEquals(new AuditEntry(1, world.clock.instant(), Actor.Kind.DEVICE, anna.identity.userId(),
                anna.identity.deviceId(), AuditAction.APPLIED, p, RecordType.PARTICIPANT, p, "upsert.v1"), applied);
        AuditEntry rejected = entries.get(1);
        assertEquals(AuditAction.REJECTED, rejected.action());
        assertEquals(contact, rejected.recordId());
        assertEquals("invalid", rejected.detail());
        assertFalse(new String(AuditCsv.write(entries), StandardCharsets.UTF_8).contains("Yonas"));
    }

    @Test
    void pull_recordsEveryRecordHandedOut_withItsState() {
        UUID p = world.newId();
        UUID contact = world.newId();
        anna.push(sync, List.of(anna.newParticipant(p, SEEDED_NAME),
                anna.create(RecordType.CONTACT, contact, p, "{}")));
        SyncWorld.Phone tablet = world.pairPhone(anna.identity.userId());

        tablet.pullPage(sync, 500);

        List<AuditEntry> pulled = all().stream().filter(e -> e.action() == AuditAction.PULLED).toList();
        assertEquals(2, pulled.size());
        assertTrue(pulled.stream().allMatch(e -> e.deviceId().equals(tablet.identity.deviceId()) && e.detail().equals("live")
                && e.participantId().equals(p)));
        assertEquals(java.util.Set.of(p, contact), pulled.stream().map(AuditEntry::recordId).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void eraseFromALeadersDevice_isRecordedAsErased_andTheEntriesSurviveTheErasure() {
        SyncWorld.Phone leader = world.user("Lotte Visser", Role.PROJECT_LEADER, world.project);
        UUID p = world.newId();
        anna.push(sync, List.of(anna.newParticipant(p, SEEDED_NAME), anna.create(RecordType.TRAJECTORY, world.newId(), p,
                "{\"projectId\":\"" + world.project + "\"}")));

        leader.push(sync, List.of(leader.erase(p)));

        List<AuditEntry> entries = log.entries(AuditQuery.ofParticipant(p));
        assertEquals(List.of(AuditAction.APPLIED, AuditAction.APPLIED, AuditAction.ERASED),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(leader.identity.userId(), entries.get(2).userId());
    }

    @Test
    void pushFailingAtCommit_isRecordedAsPushed_withTheErrorCode() {
        UUID p = world.newId();
        world.store.failAfter(0);

        SyncException failure = assertThrows(SyncException.class,
                () -> anna.push(sync, List.of(anna.newParticipant(p, SEEDED_NAME))));

        assertEquals("store_unavailable", failure.code());
        List<AuditEntry> entries = all();
        assertEquals(1, entries.size());
        assertEquals(AuditAction.PUSHED, entries.get(0).action());
        assertEquals("store_unavailable", entries.get(0).detail());
    }

    @Test
    void auditWriteFailing_answers503_soTheDeviceSendsAgain_andTheReplayIsRecorded() {
        UUID p = world.newId();
        Mutation create = anna.newParticipant(p, SEEDED_NAME);
        world.store.failAfter(1);

        SyncException failure = assertThrows(SyncException.class, () -> anna.push(sync, List.of(create)));
        assertEquals("store_unavailable", failure.code());
        assertTrue(all().isEmpty(), "the failed audit write left nothing");

        anna.push(sync, List.of(create));
        assertEquals(List.of(AuditAction.APPLIED), all().stream().map(AuditEntry::action).toList());
    }

    @Test
    void entries_selectByParticipantTimeAndSequence_oldestFirst() {
        UUID first = world.newId();
        UUID second = world.newId();
        anna.push(sync, List.of(anna.newParticipant(first, "A")));
        Instant between = world.clock.instant().plusMillis(1);
        world.clock.advance(Duration.ofHours(1));
        anna.push(sync, List.of(anna.newParticipant(second, "B"), anna.create(RecordType.CONTACT, world.newId(), first, "{}")));

        assertEquals(2, log.entries(AuditQuery.ofParticipant(first)).size());
        assertEquals(1, log.entries(AuditQuery.ofParticipant(second)).size());
        assertEquals(List.of(2L, 3L), log.entries(new AuditQuery(null, between, null, 0, 10)).stream()
                .map(AuditEntry::seq).toList());
        assertEquals(List.of(1L), log.entries(new AuditQuery(null, null, between, 0, 10)).stream().map(AuditEntry::seq).toList());
        assertEquals(List.of(3L), log.entries(new AuditQuery(null, null, null, 1, 10)).stream()
                .filter(e -> e.participantId().equals(first)).map(AuditEntry::seq).toList());
        assertEquals(List.of(2L), log.entries(new AuditQuery(null, null, null, 1, 1)).stream().map(AuditEntry::seq).toList());
    }

    @Test
    void csv_hasAHeaderAndOneLinePerEntry() {
        UUID p = world.newId();
        anna.push(sync, List.of(anna.newParticipant(p, SEEDED_NAME)));

        String[] lines = new String(AuditCsv.write(all()), StandardCharsets.UTF_8).split("\r\n");

        assertEquals(AuditCsv.HEADER, lines[0]);
        assertEquals("1," + world.clock.instant() + ",DEVICE," + anna.identity.userId() + "," + anna.identity.deviceId()
                + ",APPLIED," + p + ",participant," + p + ",upsert.v1", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void anEventDetail_mustBeACode_soNoTextCanEnterTheLog() {
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.ofParticipant(Actor.cli(), AuditAction.EXPORTED,
                world.newId(), SEEDED_NAME));
    }

    // ---- accounts and devices: sign-ins, administrators' tokens, pairings, revocations

    private KoersServices services() {
        return new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS,
                false, world.database), world.store, world.clock, new RandomIds(new Random(5)));
    }

    private List<AuditEntry> accountEntries() {
        return all().stream().filter(e -> e.participantId() == null).toList();
    }

    @Test
    void signIns_andRefusedSignIns_areRecordedByUserAndReason_neverWithTheAddressOrPassword() {
        KoersServices services = services();
        UUID leader = services.admin().createUser("Lotte Visser", "lotte@example.org").id();
        services.admin().addMembership(leader, world.project, Role.PROJECT_LEADER);
        services.accounts().setPassword(leader, "a long leader password");
        UUID coach = anna.identity.userId();
        services.accounts().setPassword(coach, "a long coach password");

        assertEquals(SignIn.Result.SIGNED_IN, services.signIn().signIn("Lotte@example.org", "a long leader password",
                "192.0.2.1").result());
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, services.signIn().signIn("lotte@example.org", "wrong guess",
                "192.0.2.1").result());
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, services.signIn().signIn("nobody@example.org", "wrong guess",
                "192.0.2.1").result());
        assertEquals(SignIn.Result.NOT_ALLOWED, services.signIn().signIn("anna.jansen@example.org",
                "a long coach password", "192.0.2.1").result());

        List<AuditEntry> entries = accountEntries();
        assertEquals(List.of(AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED,
                AuditAction.SIGN_IN_FAILED), entries.stream().map(AuditEntry::action).toList());
        assertTrue(entries.stream().allMatch(e -> e.actor() == Actor.Kind.DASHBOARD && e.deviceId() == null));
        assertEquals(Arrays.asList(leader, leader, null, coach), entries.stream().map(AuditEntry::userId).toList());
        assertEquals(List.of("", "wrong_credentials", "unknown_account", "not_allowed"),
                entries.stream().map(AuditEntry::detail).toList());
        String csv = new String(AuditCsv.write(all()), StandardCharsets.UTF_8);
        for (String secret : List.of("password", "wrong guess", "nobody", "lotte@", "192.0.2.1")) {
            assertFalse(csv.contains(secret), secret + " in the audit log:\n" + csv);
        }
    }

    @Test
    void administratorsTokens_issuedAndRevoked_areRecordedWithWhoDidIt_andTheTokenId() {
        KoersServices services = services();
        UUID administrator = services.admin().createUser("Bea Beheer", "bea@example.org").id();
        services.admin().addMembership(administrator, world.project, Role.ADMINISTRATOR);

        AdminTokens.Issued first = services.adminTokens().issue(administrator, null);
        AdminTokens.Issued second = services.adminTokens().issue(administrator, administrator);
        services.adminTokens().revoke(first.id(), administrator);
        services.adminTokens().revoke(second.id(), null);
        assertThrows(AdminException.class, () -> services.adminTokens().revoke(world.newId(), null));

        List<AuditEntry> entries = accountEntries();
        assertEquals(List.of(AuditAction.ADMIN_TOKEN_ISSUED, AuditAction.ADMIN_TOKEN_ISSUED,
                AuditAction.ADMIN_TOKEN_REVOKED, AuditAction.ADMIN_TOKEN_REVOKED),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(Actor.Kind.CLI, Actor.Kind.ADMIN_API, Actor.Kind.ADMIN_API, Actor.Kind.CLI),
                entries.stream().map(AuditEntry::actor).toList());
        assertEquals(Arrays.asList(null, administrator, administrator, null),
                entries.stream().map(AuditEntry::userId).toList());
        assertEquals(List.of(first.id(), second.id(), first.id(), second.id()),
                entries.stream().map(AuditEntry::recordId).toList());
        assertFalse(new String(AuditCsv.write(all()), StandardCharsets.UTF_8).contains(first.token()));
    }

    @Test
    void pairing_andRevokingADevice_areRecorded_aWrongCodeIsNot() {
        KoersServices services = services();
        UUID leader = services.admin().createUser("Lotte Visser", "lotte@example.org").id();
        UUID coach = anna.identity.userId();
        assertThrows(AdminException.class, () -> services.pairing().pair("WRONG-CODE", "phone", "192.0.2.7"));

        PairingResponse phone = services.pairing().pair(services.admin().issuePairingCode(coach).code(),
                "Anna's phone", "192.0.2.7");
        services.devices().revoke(phone.deviceId(), Actor.dashboard(leader));
        services.devices().revoke(anna.identity.deviceId(), Actor.cli());

        List<AuditEntry> entries = accountEntries();
        assertEquals(List.of(AuditAction.DEVICE_PAIRED, AuditAction.DEVICE_REVOKED, AuditAction.DEVICE_REVOKED),
                entries.stream().map(AuditEntry::action).toList());
        AuditEntry paired = entries.get(0);
        assertEquals(Actor.Kind.DEVICE, paired.actor());
        assertEquals(coach, paired.userId());
        assertEquals(phone.deviceId(), paired.deviceId());
        assertEquals(new AuditEntry(paired.seq() + 1, world.clock.instant(), Actor.Kind.DASHBOARD, leader, null,
                AuditAction.DEVICE_REVOKED, null, null, phone.deviceId(), ""), entries.get(1));
        assertEquals(Actor.Kind.CLI, entries.get(2).actor());
        assertEquals(anna.identity.deviceId(), entries.get(2).recordId());
    }
}
