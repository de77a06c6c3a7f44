package nl.koers.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void https_isAccepted_andResolvesPaths() {
        assertEquals("https://koers.example.nl/api/sync/push",
                ServerAddress.parse("https://koers.example.nl/").resolve("/api/sync/push").toString());
    }

    @Test
    void plainHttp_isAcceptedOnlyToThisMachine() {
        ServerAddress.parse("http://localhost:8080");
        ServerAddress.parse("http://127.0.0.1:8080");
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("http://koers.example.nl"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("http://192.168.1.20:8080"));
    }

    @Test
    void otherSchemesAndMissingHosts_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("ftp://koers.example.nl"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("koers.example.nl"));
    }
}
