package nl.koers.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import nl.koers.server.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private static ServerSettings from(Map<String, String> values) {
        return ServerSettings.from(Config.just(ConfigSources.create(values)).get("koers"));
    }

    @Test
    void database_defaultsToSqliteInTheDataDirectory() {
        assertEquals(DatabaseSettings.sqlite(Path.of("here")), from(Map.of("koers.data.dir", "here")).database());
    }

    @Test
    void database_postgresIsSelectedByKind_andItsDescriptionNeverShowsThePassword() {
        DatabaseSettings db = from(Map.of("koers.db.kind", "Postgres", "koers.db.url", "jdbc:postgresql://db/koers",
                "koers.db.user", "koers", "koers.db.password", "geheim")).database();
        assertEquals(DatabaseSettings.postgres("jdbc:postgresql://db/koers", "koers", "geheim"), db);
        assertFalse(db.toString().contains("geheim"));
    }

    @Test
    void database_postgresWithoutUrl_orAnUnknownKind_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("koers.db.kind", "postgres")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("koers.db.kind", "oracle")));
    }
}
