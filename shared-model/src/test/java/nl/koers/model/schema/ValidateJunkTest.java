package nl.koers.model.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import org.junit.jupiter.api.Test;

/** Throws random JSON at every schema: validation must answer with violations, never throw. */
class ValidateJunkTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS = List.of("", " ", "onbekend", "actief", "2024-02-30", "2024-03-05",
            "2024-03-05T14:30:00Z", "00000000-0000-0000-0000-000000000001", "SY", "{", "\u0000", "x".repeat(30_000));

    private final Random random = new Random(20250615);

    @Test
    void validate_randomJunkInKnownAndUnknownFields_neverThrows() {
        for (RecordType type : RecordType.values()) {
            RecordSchema schema = ValidRecords.schema(type);
            List<String> names = new ArrayList<>(schema.fields());
            names.add("unknownField");
            for (int round = 0; round < 300; round++) {
                ObjectNode record = round % 2 == 0 ? ValidRecords.of(type) : NODES.objectNode();
                for (int i = random.nextInt(6); i >= 0; i--) {
                    record.set(names.get(random.nextInt(names.size())), junk(3));
                }
                ObjectNode before = round % 3 == 0 ? ValidRecords.of(type) : junkObject(2);
                assertDoesNotThrow(() -> {
                    for (Violation v : schema.validate(record)) {
                        v.message(Locale.of("nl"));
                        v.message();
                    }
                    schema.validateChange(before, record);
                    schema.validateChange(record, before);
                }, record::toString);
            }
        }
    }

    private JsonNode junk(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 3 -> NODES.numberNode(random.nextDouble() * 1e12);
            case 4 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5, 6 -> NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())));
            case 7 -> junkObject(depth - 1);
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(junk(depth - 1));
                }
                yield array;
            }
        };
    }

    private ObjectNode junkObject(int depth) {
        ObjectNode object = NODES.objectNode();
        for (String name : List.of("purpose", "given", "date", "recordedBy", "status", "outflow")) {
            if (random.nextBoolean()) {
                object.set(name, junk(depth));
            }
        }
        return object;
    }
}
