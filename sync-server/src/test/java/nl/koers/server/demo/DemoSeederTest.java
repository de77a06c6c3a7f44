package nl.koers.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeederTest {

    @TempDir
    Path dir;

    private KoersServices services(Path data) {
        Clock clock = Clock.systemUTC();
        return new KoersServices(new ServerSettings(data, Duration.ofMinutes(15), SyncSettings.DEFAULTS, true),
                SqliteStore.openInDataDir(data, clock), clock, new RandomIds(new Random(3)));
    }

    @Test
    void seedIfEmpty_pushesEveryRecordThroughSync_andAppliesThemAll_onlyOnce() {
        try (KoersServices services = services(dir)) {
            DemoSeeder.DemoAccess access = new DemoSeeder(services).seedIfEmpty().orElseThrow();
            assertEquals(8, access.code().length());
            UUID administrator = services.store().read(tx -> tx.userByEmail(DemoSeeder.ADMIN_EMAIL)).orElseThrow().id();
            assertEquals(Optional.of(administrator), services.adminTokens().authenticate(access.adminToken()),
                    "the printed token lets the demo administrator in");
            assertEquals(3, services.admin().projects().size());
            assertEquals(1, services.admin().projects().stream().filter(p -> p.status().equals("finished")).count());
            assertEquals(8, services.admin().users().size(), "six coaches, a leader, an administrator");
            int leadersRecords = services.store().read(tx -> tx.scopeVersions(
                    tx.userByEmail("lotte.vandijk@demo.koers.nl").orElseThrow().id()).size());
            assertTrue(leadersRecords > 60 * 5, "a project leader sees every demo record: " + leadersRecords);
            long participants = services.store().read(tx -> tx.projects().stream()
                    .mapToLong(p -> tx.participantsOf(p.id()).size()).sum());
            assertEquals(60, participants);
            assertTrue(new DemoSeeder(services).seedIfEmpty().isEmpty());
        }
    }
}
