package nl.koers.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import nl.koers.server.config.ConfigKey;
import org.junit.jupiter.api.Test;

/**
 * Where the server listens: everywhere by default, but only on the loopback address when it serves
 * demo data (whose sign-ins are printed for anyone) over plain HTTP, unless {@code server.host} says.
 */
class BindHostTest {

    private static String host(Map<String, String> values) {
        Config root = Config.just(ConfigSources.create(values));
        return Main.bindHost(ConfigKey.server(root), ServerSettings.from(ConfigKey.koers(root)));
    }

    @Test
    void demoOverPlainHttp_listensOnLoopbackOnly_unlessTheHostIsSet() {
        assertEquals("127.0.0.1", host(Map.of("koers.demo.seed", "true")));
        assertEquals("0.0.0.0", host(Map.of("koers.demo.seed", "true", "server.host", "0.0.0.0")));
        assertEquals("192.0.2.5", host(Map.of("koers.demo.seed", "true", "server.host", "192.0.2.5")));
    }

    @Test
    void withoutDemoData_orOverHttps_theServerListensEverywhere() {
        assertEquals("0.0.0.0", host(Map.of()));
        assertEquals("0.0.0.0", host(Map.of("koers.demo.seed", "true", "koers.tls.keystore",
                Path.of("server.p12").toString())));
        assertEquals("127.0.0.1", host(Map.of("server.host", "127.0.0.1")));
    }
}
