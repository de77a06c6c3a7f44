package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

class MutationTest {

    private static final UUID DEVICE = UUID.fromString("5b0c0000-0000-4000-8000-00000000000a");

    private static Mutation made(String node) {
        return new Mutation(new UUID(1, 1), null, 3, Operation.UPSERT, RecordType.CONTACT, new UUID(1, 2), new UUID(1, 3),
                0, Json.readObject("{\"minutes\":45}"), new Hlc(1_740_823_200_000L, 4, node).encode(), SchemaVersions.CURRENT);
    }

    @Test
    void sentBy_putsTheDeviceIdInTheMutationAndAsTheNodeOfItsStamp_keepingWallAndCounter() {
        Mutation sent = made("install-7f").sentBy(DEVICE);
        assertEquals(DEVICE, sent.deviceId());
        assertEquals(new Hlc(1_740_823_200_000L, 4, "5b0c0000-0000-4000-8000-00000000000a"), sent.stamp());
        assertEquals(made("install-7f").fields(), sent.fields());
        assertEquals(sent, made("install-7f").sentBy(DEVICE), "sent again, the same mutation");
    }

    @Test
    void statusOnly_dropsConflictValuesAndARejectionsWords_keepingStatusVersionAndReason() {
        Mutation m = made("n").sentBy(DEVICE);
        Conflict conflict = new Conflict(RecordType.CONTACT, m.recordId(), m.participantId(), "notes",
                Json.MAPPER.getNodeFactory().textNode("kept"), "h1", DEVICE, Json.MAPPER.getNodeFactory().textNode("lost"),
                "h2", DEVICE, m.mutationId());
        MutationResult applied = MutationResult.applied(m, 4711, List.of(conflict)).statusOnly("withheld");
        assertEquals(new MutationResult(m.mutationId(), 3, MutationResult.Status.APPLIED, 4711, null, List.of()), applied);

        MutationResult rejected = MutationResult.rejected(m, new Rejection(Rejection.Reason.INVALID,
                "cannot be earlier than 1990-05-17", List.of("arrivalDate: 1990-05-17"))).statusOnly("withheld");
        assertEquals(Rejection.Reason.INVALID, rejected.rejection().reason());
        assertEquals("withheld", rejected.rejection().message());
        assertEquals(List.of(), rejected.rejection().details());
        assertEquals(MutationResult.Status.REJECTED, rejected.status());
    }
}
