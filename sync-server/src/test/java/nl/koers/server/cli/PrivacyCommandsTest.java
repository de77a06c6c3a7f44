package nl.koers.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code admin audit}, {@code admin export-participant} and {@code admin retention} on a real SQLite store. */
class PrivacyCommandsTest {

    private static final String SEEDED_NAME = "Berhane Gebremedhin";

    @TempDir
    Path dir;
    UUID participant;

    private CommandLine cli() {
        return KoersCommand.create(Config.just(ConfigSources.create(Map.of("koers.data.dir", dir.resolve("data").toString(),
                "koers.privacy.retention-months", "12"))));
    }

    /** A participant pushed by a coach's phone, whose only trajectory ended two years ago. */
    @BeforeEach
    void seed() {
        Path data = dir.resolve("data");
        Clock clock = Clock.systemUTC();
        ServerSettings settings = new ServerSettings(data, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        try (KoersServices services = new KoersServices(settings, SqliteStore.openInDataDir(data, clock), clock,
                new RandomIds(new Random(9)))) {
            AdminService admin = services.admin();
            UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
            UUID project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit", "W", List.of(),
                    LocalDate.of(2020, 1, 1), null, List.of(), 0)).id();
            UUID coach = admin.createUser("Anna Jansen", "anna@example.org").id();
            admin.addMembership(coach, project, Role.COACH);
            PairingResponse paired = admin.pair(admin.issuePairingCode(coach).code(), "Pixel");
            DeviceIdentity device = new DeviceIdentity(paired.deviceId(), paired.userId());
            participant = UUID.randomUUID();
            String ended = LocalDate.now(clock).minusYears(2).toString();
            services.sync().push(device, new PushRequest(device.deviceId(), SchemaVersions.CURRENT, List.of(
                    mutation(device, 1, RecordType.PARTICIPANT, participant, "{\"givenName\":\"" + SEEDED_NAME + "\"}", clock),
                    mutation(device, 2, RecordType.TRAJECTORY, UUID.randomUUID(),
                            "{\"projectId\":\"" + project + "\",\"endDate\":\"" + ended + "\"}", clock))));
        }
    }

    private Mutation mutation(DeviceIdentity device, long seq, RecordType type, UUID recordId, String fields, Clock clock) {
        return new Mutation(UUID.randomUUID(), device.deviceId(), seq, Operation.UPSERT, type, recordId, participant, 0,
                MinimalRecords.of(type, fields), new Hlc(clock.millis(), (int) seq, device.deviceId().toString()).encode(),
                SchemaVersions.CURRENT);
    }

    private boolean erased() {
        try (var store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            return store.read(tx -> tx.erased(participant));
        }
    }

    @Test
    void exportParticipant_writesTheirDataAsJson_andTheAuditShowsTheExport() throws Exception {
        Path export = dir.resolve("export.json");
        assertEquals(0, cli().execute("admin", "export-participant", "--participant", participant.toString(),
                "--out", export.toString()));
        assertEquals(SEEDED_NAME, Json.MAPPER.readTree(Files.readString(export)).at("/records/0/fields/givenName").asText());

        Path audit = dir.resolve("audit.csv");
        assertEquals(0, cli().execute("admin", "audit", "--participant", participant.toString(), "--out", audit.toString()));
        List<String> lines = Files.readAllLines(audit);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(3).contains(",CLI,,,EXPORTED," + participant + ",,,participant_export"), lines.get(3));
        assertEquals(1, cli().execute("admin", "audit", "--out", audit.toString()), "never overwrites a file");
    }

    @Test
    void retention_listsWhoIsDueWithoutChangingAnything_andErasesWithApply() throws Exception {
        assertEquals(0, cli().execute("admin", "retention"));
        assertFalse(erased(), "a dry run changes nothing");

        assertEquals(0, cli().execute("admin", "retention", "--apply"));

        assertTrue(erased());
        Path audit = dir.resolve("audit.csv");
        assertEquals(0, cli().execute("admin", "audit", "--out", audit.toString()));
        String csv = Files.readString(audit);
        assertTrue(csv.contains(",RETENTION,,,ERASED," + participant + ",,,retention"), csv);
        assertFalse(csv.contains("Berhane"), csv);
    }

    @Test
    void exportOfAnUnknownParticipant_exitsNonZero() {
        assertEquals(1, cli().execute("admin", "export-participant", "--participant", UUID.randomUUID().toString()));
    }
}
