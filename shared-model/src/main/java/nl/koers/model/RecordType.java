package nl.koers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of record that travel between devices and server. The wire name is stable: it is
 * stored in outboxes and server tables and must never be renamed.
 */
public enum RecordType {
    /** Deelnemer: the person being guided; the unit of scope and of erasure. */
    PARTICIPANT("participant"),
    /** Traject: one participant in one project, from referral to outflow. */
    TRAJECTORY("trajectory"),
    /** Contactmoment: a meeting, home visit, call or three-way conversation. */
    CONTACT("contact"),
    /** Taalsessie: language practice with a language buddy or in a class. */
    LANGUAGE_SESSION("language_session"),
    /** Plaatsing: volunteer work, work experience, internship, job or education. */
    PLACEMENT("placement"),
    /** Nazorgcontact: an aftercare check-in after a job or study starts. */
    AFTERCARE_CHECK_IN("aftercare_check_in"),
    /** Vervolgactie: a task with a due date. */
    FOLLOW_UP("follow_up"),
    /** Overdrachtsnotitie: written when a participant moves to another coach. */
    HANDOVER_NOTE("handover_note");

    private static final Map<String, RecordType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RecordType::wireName, Function.identity()));

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The record type for a wire name; {@link UnknownCodeException} names the bad value. */
    @JsonCreator
    public static RecordType fromWire(String wireName) {
        RecordType type = BY_WIRE.get(wireName);
        if (type == null) {
            throw new UnknownCodeException("recordType", wireName, BY_WIRE.keySet());
        }
        return type;
    }
}
