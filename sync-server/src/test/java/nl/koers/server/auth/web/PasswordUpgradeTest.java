package nl.koers.server.auth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.sync.SyncSettings;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard password stored by a server before the work factor was raised (210,000 PBKDF2
 * iterations) still signs in, and that sign-in stores it again at 600,000; runs against every
 * store: {@code SqlitePasswordUpgradeTest}, {@code PostgresPasswordUpgradeTest}.
 */
abstract class PasswordUpgradeTest {

    static final String PASSWORD = "correct horse battery";
    /** What the server wrote for {@link #PASSWORD} before the upgrade, byte for byte. */
    static final String OLD_HASH = "pbkdf2-sha256$210000$3lbeSnd3wNJWXTeLNO0EXg==$H9JDaV+hoqRkKhunMYFFpoDUX9d9PBq9dxk6nVDXlMc=";
    static final long SET_AT = Instant.parse("2024-11-01T08:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    KoersServices services;
    AdminService.User leader;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        DatabaseSettings database = newDatabase(dir);
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false, database),
                database.open(clock), clock, new RandomIds(new Random(5)));
        AdminService admin = services.admin();
        UUID org = admin.createOrganisation("Stichting Test").id();
        UUID project = admin.createProject(new AdminService.NewProject(org, "Werkfit", "Programma", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(1, 3), 30)).id();
        leader = admin.createUser("Lotte", "lotte@test.nl");
        admin.addMembership(leader.id(), project, Role.PROJECT_LEADER);
        services.store().writeSql(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO dashboard_passwords (user_id, password_hash, set_at) VALUES (?, ?, ?)")) {
                insert.setString(1, leader.id().toString());
                insert.setString(2, OLD_HASH);
                insert.setLong(3, SET_AT);
                return insert.executeUpdate();
            }
        });
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void signIn_withAnOldCostHash_signsIn_andStoresThePasswordAgainAtTheCurrentCost() {
        assertEquals(SignIn.Result.SIGNED_IN, signIn(PASSWORD));

        String upgraded = storedHash();
        assertTrue(upgraded.startsWith("pbkdf2-sha256$600000$"), upgraded);
        assertTrue(PasswordHasher.matches(PASSWORD, upgraded));
        assertEquals(SET_AT, setAt(), "the password was not changed, only stored at a higher cost");

        assertEquals(SignIn.Result.SIGNED_IN, signIn(PASSWORD), "the upgraded hash signs in");
        assertEquals(upgraded, storedHash(), "a current hash is not hashed again");
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, signIn(PASSWORD + "!"));
    }

    @Test
    void wrongPassword_againstAnOldCostHash_isRefused_andLeavesTheHashAlone() {
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, signIn("correct horse battery?"));
        assertEquals(OLD_HASH, storedHash());
    }

    @Test
    void rehash_afterAnAdministratorSetANewPassword_leavesTheNewPassword() {
        services.accounts().setPassword(leader.id(), "a new pass phrase of four words");
        String fresh = storedHash();

        services.accounts().rehash(leader.id(), OLD_HASH, PASSWORD);

        assertEquals(fresh, storedHash());
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, signIn(PASSWORD));
        assertEquals(SignIn.Result.SIGNED_IN, signIn("a new pass phrase of four words"));
    }

    @Test
    void needsRehash_forAnOldCostOrUnreadableHash_notForACurrentOne() {
        assertTrue(PasswordHasher.needsRehash(OLD_HASH));
        assertFalse(PasswordHasher.needsRehash(new PasswordHasher(new SecureRandom()).hash(PASSWORD)));
        assertTrue(PasswordHasher.needsRehash("pbkdf2-sha256$many$c2FsdA==$aGFzaA=="));
        assertTrue(PasswordHasher.matches(PASSWORD, OLD_HASH), "the old hash itself is right for the password");
    }

    private SignIn.Result signIn(String password) {
        return services.signIn().signIn("lotte@test.nl", password, "10.0.0.1").result();
    }

    private String storedHash() {
        return column("password_hash", rs -> rs.getString(1));
    }

    private long setAt() {
        return column("set_at", rs -> rs.getLong(1));
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws java.sql.SQLException;
    }

    private <T> T column(String name, Column<T> column) {
        return services.store().readSql(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + name + " FROM dashboard_passwords WHERE user_id = ?")) {
                select.setString(1, leader.id().toString());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return column.read(rs);
                }
            }
        });
    }
}
