package nl.koers.system.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.model.RecordType;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.privacy.PrivacySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone that an administrator revoked wipes itself the next time it reaches the real server
 * over HTTP: records, shadows, outbox (unsent work too) and pairing, down to the bytes of its
 * database files. It can be paired again afterwards.
 */
class RevokedDeviceWipeEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void revokedPhone_wipesEverything_onItsNextSync_andCanBePairedAgain() throws Exception {
        try (ServerUnderTest server = new ServerUnderTest(dir.resolve("server"), PrivacySettings.DEFAULTS)) {
            UUID anna = server.coach("Anna Jansen");
            Path home = dir.resolve("annas-phone");
            UUID yusuf;
            try (ServerUnderTest.Phone phone = server.phone(home, anna, null)) {
                yusuf = phone.register("Yusuf", "Haddad");
                phone.logHomeVisit(yusuf, "Gesprek over schulden");
                assertEquals(SyncOutcome.COMPLETED, phone.sync().outcome());
                phone.logHomeVisit(yusuf, "Nog niet verstuurd: gezondheid");
                UUID device = phone.store.pairing().orElseThrow().deviceId();

                server.admin.revokeDevice(device);
                var report = phone.sync();

                assertEquals(SyncOutcome.WIPED, report.outcome(), report.message());
                assertTrue(phone.store.pairing().isEmpty(), "the pairing is gone");
                assertTrue(phone.store.outbox().isEmpty(), "the outbox is gone, unsent work included");
                for (RecordType type : RecordType.values()) {
                    assertTrue(phone.store.records(type).isEmpty(), type + " records are gone");
                }
                assertEquals(SyncOutcome.NOT_PAIRED, phone.sync().outcome());
                for (String text : new String[] {"Haddad", "Gesprek over schulden", "gezondheid"}) {
                    assertFalse(ServerUnderTest.anyFileContains(home, text), "'" + text + "' is still in the phone's files");
                }

                phone.pair();
                assertEquals(SyncOutcome.COMPLETED, phone.sync().outcome());
                assertEquals("Haddad", phone.store.record(yusuf).orElseThrow().fields().get("familyName").asText(),
                        "paired again, the phone receives what the server holds");
            }
            assertEquals(AuditAction.PULLED, server.services.audit().entries(AuditQuery.ofParticipant(yusuf)).getLast().action());
        }
    }
}
