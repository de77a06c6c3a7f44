package nl.koers.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators' personal tokens on a real SQLite store: who may hold one, hashing, last use, revocation. */
class AdminTokensTest {

    @TempDir
    Path dir;
    ManualClock clock;
    KoersServices services;
    AdminTokens tokens;
    UUID administrator;
    UUID leader;

    @BeforeEach
    void setUp() {
        clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false),
                SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(11)));
        tokens = services.adminTokens();
        AdminService admin = services.admin();
        UUID project = admin.createProject(new AdminService.NewProject(admin.createOrganisation("Stichting").id(), "Werkfit",
                "W", List.of("Utrecht"), LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        administrator = admin.createUser("Bea Beheer", "bea@example.org").id();
        admin.addMembership(administrator, project, Role.ADMINISTRATOR);
        leader = admin.createUser("Lotte", "lotte@example.org").id();
        admin.addMembership(leader, project, Role.PROJECT_LEADER);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void issue_onlyForAdministrators() {
        AdminException notAdmin = assertThrows(AdminException.class, () -> tokens.issue(leader, null));
        assertEquals("not_an_administrator", notAdmin.code());
        AdminException unknown = assertThrows(AdminException.class, () -> tokens.issue(UUID.randomUUID(), null));
        assertEquals(AdminException.Kind.NOT_FOUND, unknown.kind());
        assertTrue(tokens.list().isEmpty());
    }

    @Test
    void token_isRandom_storedOnlyAsItsHash_andNamesItsAdministrator() throws Exception {
        AdminTokens.Issued first = tokens.issue(administrator, null);
        AdminTokens.Issued second = tokens.issue(administrator, administrator);

        assertTrue(first.token().startsWith(AdminTokens.PREFIX) && first.token().length() == AdminTokens.PREFIX.length() + 43);
        assertFalse(first.token().equals(second.token()));
        assertEquals(Optional.of(administrator), tokens.authenticate(first.token()));
        assertEquals(Optional.empty(), tokens.authenticate(first.token() + "x"));
        assertEquals(Optional.empty(), tokens.authenticate("kadm_"));
        List<String> stored = services.store().readSql(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM admin_tokens")) {
                while (rs.next()) {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        rows.add(rs.getString(c));
                    }
                }
            }
            return rows;
        });
        assertTrue(stored.contains(TokenHash.of(first.token())));
        assertTrue(stored.stream().noneMatch(v -> v != null && v.contains(first.token().substring(AdminTokens.PREFIX.length()))),
                "only the hash is stored");
        assertEquals(Optional.of(administrator), tokens.authenticate(second.token()));
        assertEquals(administrator, tokens.list().get(1).createdBy());
        assertNull(tokens.list().get(0).createdBy(), "issued on the command line");
    }

    @Test
    void lastUse_isKeptToTheMinute() {
        AdminTokens.Issued issued = tokens.issue(administrator, null);
        assertNull(tokens.list().get(0).lastUsedAt());
        Instant first = clock.instant();
        tokens.authenticate(issued.token());
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(issued.token());
        assertEquals(first, tokens.list().get(0).lastUsedAt(), "not rewritten within the minute");
        clock.advance(Duration.ofSeconds(31));
        tokens.authenticate(issued.token());
        assertEquals(clock.instant(), tokens.list().get(0).lastUsedAt());
    }

    @Test
    void revoked_tokenStopsWorking_othersDoNot() {
        AdminTokens.Issued kept = tokens.issue(administrator, null);
        AdminTokens.Issued revoked = tokens.issue(administrator, null);

        tokens.revoke(revoked.id(), null);

        assertEquals(Optional.empty(), tokens.authenticate(revoked.token()));
        assertEquals(Optional.of(administrator), tokens.authenticate(kept.token()));
        assertEquals(clock.instant(), tokens.list().get(1).revokedAt());
        assertEquals("admin_token_not_found", assertThrows(AdminException.class, () -> tokens.revoke(UUID.randomUUID(), null)).code());
    }
}
