package nl.koers.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/RECORDS.md is the contract the server and app code against: it must match the schemas. */
class RecordsCatalogueTest {

    private static final Path CATALOGUE = Path.of("../docs/RECORDS.md");
    /** A field in the field column: its name and the marks after it, up to the next comma. */
    private static final Pattern FIELD = Pattern.compile("`(\\w+)`([^,`]*)");

    /** Field name to its marks ("P", "R"), per wire type, from the catalogue table. */
    private static Map<String, Map<String, Set<String>>> catalogue() throws IOException {
        Map<String, Map<String, Set<String>>> types = new TreeMap<>();
        String type = null;
        for (String line : Files.readAllLines(CATALOGUE)) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 4 || line.startsWith("|---") || line.startsWith("| type")) {
                continue;
            }
            String typeCell = cells[1].trim();
            type = typeCell.isEmpty() ? type : typeCell.replace("`", "");
            Matcher field = FIELD.matcher(cells[2]);
            while (field.find()) {
                Set<String> marks = new TreeSet<>();
                Matcher mark = Pattern.compile("\\*\\*(\\w)\\*\\*").matcher(field.group(2));
                while (mark.find()) {
                    marks.add(mark.group(1));
                }
                types.computeIfAbsent(type, t -> new TreeMap<>()).put(field.group(1), marks);
            }
        }
        return types;
    }

    private static Map<String, Set<String>> schemaFields(RecordSchema schema) {
        Set<String> required = new TreeSet<>();
        ObjectNode empty = Json.object();
        schema.validate(empty).stream().filter(v -> v.code().startsWith("required")).forEach(v -> required.add(v.field()));
        Map<String, Set<String>> fields = new TreeMap<>();
        for (String field : schema.fields()) {
            Set<String> marks = new TreeSet<>();
            if (schema.personalFields().contains(field)) {
                marks.add("P");
            }
            if (required.contains(field)) {
                marks.add("R");
            }
            fields.put(field, marks);
        }
        return fields;
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void catalogue_listsExactlyTheSchemaFieldsWithPersonalAndRequiredMarks(RecordType type) throws IOException {
        assertEquals(schemaFields(ValidRecords.schema(type)), catalogue().get(type.wireName()),
                "docs/RECORDS.md rows of " + type.wireName());
    }
}
