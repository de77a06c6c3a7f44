package nl.koers.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The schema of every record type. Provisional: accepts any field as a plain value, with the
 * placement status forward-only; the domain rules replace it.
 */
public final class RecordSchemas {

    private RecordSchemas() {
    }

    public static RecordSchema of(RecordType type) {
        return new RecordSchema() {
            @Override
            public RecordType type() {
                return type;
            }

            @Override
            public Set<String> fields() {
                return Set.of();
            }

            @Override
            public FieldKind kindOf(String field) {
                return type == RecordType.PLACEMENT && field.equals("status") ? FieldKind.FORWARD_ONLY : FieldKind.VALUE;
            }

            @Override
            public Set<String> personalFields() {
                return Set.of();
            }

            @Override
            public List<Violation> validate(ObjectNode record) {
                return List.of();
            }

            @Override
            public int forwardRank(String field, String value) {
                return List.of("voorgesteld", "actief", "beeindigd").indexOf(value);
            }
        };
    }
}
