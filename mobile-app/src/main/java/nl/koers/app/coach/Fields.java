package nl.koers.app.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;

/** Reading the fields of a record as the screens need them: absent, null and blank all mean "not filled in". */
public final class Fields {

    private Fields() {
    }

    public static Optional<String> text(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    public static Optional<LocalDate> date(ObjectNode fields, String name) {
        return text(fields, name).map(LocalDate::parse);
    }

    public static Optional<Instant> instant(ObjectNode fields, String name) {
        return text(fields, name).map(Instant::parse);
    }

    public static Optional<UUID> uuid(ObjectNode fields, String name) {
        return text(fields, name).map(UUID::fromString);
    }

    /**
     * The day a record is about, for sorting a timeline: when it happened, started, is due or was
     * written.
     */
    public static Optional<LocalDate> day(LocalRecord record, ZoneId zone) {
        ObjectNode f = record.fields();
        return switch (record.type()) {
            case CONTACT, LANGUAGE_SESSION -> instant(f, "at").map(at -> at.atZone(zone).toLocalDate());
            case HANDOVER_NOTE -> instant(f, "writtenAt").map(at -> at.atZone(zone).toLocalDate());
            case AFTERCARE_CHECK_IN -> instant(f, "doneAt").map(at -> at.atZone(zone).toLocalDate())
                    .or(() -> date(f, "dueDate"));
            case FOLLOW_UP -> date(f, "dueDate");
            case PLACEMENT -> date(f, "startDate");
            case TRAJECTORY -> date(f, "outflowDate").or(() -> date(f, "intakeDate")).or(() -> date(f, "referralDate"));
            case PARTICIPANT -> Optional.empty();
        };
    }
}
