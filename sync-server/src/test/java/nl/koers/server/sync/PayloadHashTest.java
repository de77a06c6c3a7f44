package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once hash is stored with every applied mutation and compared with every replay, so
 * it must never change: these values were computed when the hash was introduced (canonical JSON,
 * keys sorted at every level, SHA-256).
 */
class PayloadHashTest {

    private static final UUID MUTATION = UUID.fromString("0f6e5b0c-1111-4222-8333-444455556666");
    private static final UUID DEVICE = UUID.fromString("5b0c0000-aaaa-4bbb-8ccc-dddddddddddd");
    private static final UUID RECORD = UUID.fromString("a1d20000-0000-4000-8000-000000000001");
    private static final UUID PARTICIPANT = UUID.fromString("9c3f0000-0000-4000-8000-000000000002");

    private static Mutation contact(String fieldsJson) {
        return new Mutation(MUTATION, DEVICE, 12, Operation.UPSERT, RecordType.CONTACT, RECORD, PARTICIPANT, 4711,
                Json.readObject(fieldsJson), "0001740823200000-0000-" + DEVICE, 1);
    }

    @Test
    void hash_ofStoredMutations_neverChanges() {
        assertEquals("a2d8ca7a3cfb8a68a5cc4342f49c05c4d040338598dd92e89c8d2d67e08337a3", PayloadHash.of(contact("{}")));
        assertEquals("b1f6783cc08853eb09263c3b76bc24b453137365a1343277b7993925b2537dcc",
                PayloadHash.of(contact("{\"minutes\":45,\"kind\":\"huisbezoek\"}")));
        assertEquals("f259576cfea11146959a8ecaf7b9cb718d809a77067cf8cc4a6a5af2fcf879b7", PayloadHash.of(contact(
                "{\"notes\":\"Gesprek \\\"taal\\\" – café ✓ \\n tab\\t\",\"topics\":[\"taal\",\"werk\"],"
                        + "\"nested\":{\"z\":1,\"a\":[{\"y\":null,\"b\":true}]},\"ratio\":1.5,\"big\":12345678901234,"
                        + "\"neg\":-0.25,\"exp\":1e21}")));
        Mutation withoutDeviceAndFields = new Mutation(MUTATION, null, 3, Operation.DELETE, RecordType.PARTICIPANT, RECORD,
                PARTICIPANT, 0, null, "0001740823200000-0000-x", 1);
        assertEquals("e2403cdbdb97881713451f3eccccda5cdfa7772c56d3dca4c4ef17fbe6fe501a", PayloadHash.of(withoutDeviceAndFields));
    }

    @Test
    void hash_ignoresTheOrderOfFields_butNotTheirValues() {
        assertEquals(PayloadHash.of(contact("{\"minutes\":45,\"kind\":\"huisbezoek\",\"at\":{\"b\":1,\"a\":2}}")),
                PayloadHash.of(contact("{\"at\":{\"a\":2,\"b\":1},\"kind\":\"huisbezoek\",\"minutes\":45}")));
        assertNotEquals(PayloadHash.of(contact("{\"minutes\":45}")), PayloadHash.of(contact("{\"minutes\":46}")));
        assertNotEquals(PayloadHash.of(contact("{\"topics\":[\"taal\",\"werk\"]}")),
                PayloadHash.of(contact("{\"topics\":[\"werk\",\"taal\"]}")));
    }
}
