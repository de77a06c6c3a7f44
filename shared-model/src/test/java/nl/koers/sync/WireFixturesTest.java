package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Wire format version 1, as checked-in payloads: today's code must read them, tolerate the
 * unknown fields a newer peer adds, and write back what it read. A change that breaks these files
 * breaks phones already in the field.
 */
class WireFixturesTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2025-03-05T15:00:00Z"));

    @Test
    void pushRequestV1_reads_ignoresUnknownFields_andWritesTheSameMessage() throws IOException {
        String text = fixture("push-request.json");
        PushRequest request = Json.read(text, PushRequest.class);

        assertEquals(2, request.mutations().size());
        Mutation visit = request.mutations().get(0);
        assertEquals(Operation.UPSERT, visit.op());
        assertEquals(RecordType.CONTACT, visit.recordType());
        assertEquals(17, visit.seq());
        assertEquals(45, visit.fields().get("minutes").asInt());
        assertEquals(Operation.DELETE, request.mutations().get(1).op());
        assertTrue(RecordSchemas.of(RecordType.CONTACT, CLOCK).validate(visit.fields()).isEmpty(), "the fixture's contact is valid");

        ObjectNode original = Json.readObject(text);
        original.remove("sentBy");
        assertEquals(original, Json.readObject(Json.write(request)));
    }

    @Test
    void pullResponseV1_reads_keepsUnknownRecordFields_andIgnoresUnknownTopLevelOnes() throws IOException {
        PullResponse page = Json.read(fixture("pull-response.json"), PullResponse.class);

        assertEquals(2, page.changes().size());
        RecordChange participant = page.changes().get(0);
        assertEquals(RecordState.LIVE, participant.state());
        assertTrue(participant.fields().get("aFieldFromANewerServer").asBoolean(),
                "record fields this version does not know travel on untouched");
        assertEquals(RecordState.DELETED, page.changes().get(1).state());
        assertEquals(1, page.removedParticipants().size());
        assertEquals(new Cursor("epoch", 4713), Cursor.decode(page.cursor()));
        assertEquals(List.of(1, 3, 6, 12), page.projects().get(0).aftercareMonths());
    }

    @Test
    void pairingV1_readsAndWritesTheSameBytes_onBothSides() throws IOException {
        String request = fixture("pairing-request.json").strip();
        PairingRequest read = Json.read(request, PairingRequest.class);
        assertEquals(new PairingRequest("K7QX-M2PA", "Anna's phone"), read);
        assertEquals(request, Json.write(read), "what a phone sends and a server reads, byte for byte");

        String answer = fixture("pairing-response.json").strip();
        PairingResponse paired = Json.read(answer, PairingResponse.class);
        assertEquals(UUID.fromString("5b0c9e1e-2f4a-4c55-9d1e-0c6a1f1b7a01"), paired.deviceId());
        assertEquals(UUID.fromString("7f3e2d1c-0b9a-4877-8665-544332211000"), paired.userId());
        assertEquals("b3JhbmdlLWZpZWxkcy1hbmQtYS1yaXZlci1pbi10aGUtZXZlbmluZw", paired.token());
        assertEquals(answer, Json.write(paired), "what a server answers and a phone reads, byte for byte");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = WireFixturesTest.class.getResourceAsStream("/wire/v1/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
