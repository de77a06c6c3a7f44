package nl.koers.app.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.SaveResult;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.sync.Json;

/**
 * Saves one record as the coach goes: every committed change goes straight to the store, so there
 * is no draft to lose. A new record is created on its first change together with its defaults
 * (every required field has one, so the first tap already makes a valid record). A change that
 * breaks a rule on its own (an end reason still missing) stays staged and is saved with the next
 * change that makes the record valid.
 */
public final class RecordEditor {

    private final LocalStore store;
    private final RecordType type;
    private final UUID id;
    private final UUID participantId;
    private final ObjectNode defaults;
    private final ObjectNode staged = Json.object();

    /**
     * @param defaults the values a new record starts with, and for an existing record the values
     *                 it takes on when it first changes here and lacks them
     */
    public RecordEditor(LocalStore store, RecordType type, UUID id, UUID participantId, ObjectNode defaults) {
        this.store = store;
        this.type = type;
        this.id = id;
        this.participantId = participantId;
        this.defaults = defaults.deepCopy();
    }

    public UUID id() {
        return id;
    }

    public UUID participantId() {
        return participantId;
    }

    public RecordType type() {
        return type;
    }

    /** Whether the record is in the store (it has been saved at least once). */
    public boolean exists() {
        return store.record(id).isPresent();
    }

    /** The record as the form shows it: stored fields, then missing defaults, then staged changes. */
    public ObjectNode current() {
        ObjectNode shown = store.record(id).map(LocalRecord::fields).map(ObjectNode::deepCopy).orElseGet(Json::object);
        shown.setAll(missingDefaults(shown));
        shown.setAll(staged.deepCopy());
        return shown;
    }

    /** The stored record, without defaults or staged changes. */
    public ObjectNode stored() {
        return store.record(id).map(LocalRecord::fields).map(ObjectNode::deepCopy).orElseGet(Json::object);
    }

    /** Stages a change without saving it (a form that is confirmed as a whole). */
    public void stage(String field, JsonNode value) {
        staged.set(field, value == null ? Json.MAPPER.nullNode() : value);
    }

    /** Stages a change and saves everything staged: what the coach changed goes to the store at once. */
    public List<Violation> change(String field, JsonNode value) {
        stage(field, value);
        return commit();
    }

    /**
     * Saves the staged changes with the defaults the record still lacks; on success nothing stays
     * staged. A record that does not exist yet is created even with nothing staged (its defaults).
     */
    public List<Violation> commit() {
        boolean exists = exists();
        if (exists && staged.isEmpty()) {
            return List.of();
        }
        ObjectNode changes = missingDefaults(stored());
        changes.setAll(staged.deepCopy());
        SaveResult result = store.save(type, id, participantId, changes);
        if (result.saved()) {
            staged.removeAll();
        }
        return result.violations();
    }

    private ObjectNode missingDefaults(ObjectNode record) {
        ObjectNode missing = Json.object();
        for (Map.Entry<String, JsonNode> e : defaults.properties()) {
            JsonNode present = record.get(e.getKey());
            if (present == null || present.isNull()) {
                missing.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return missing;
    }
}
