package nl.koers.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEvent;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.Store;
import nl.koers.sync.Json;
import nl.koers.sync.StoredRecord;

/**
 * A participant's rights under privacy law, carried out and audited: the export of everything
 * stored about them, and erasure (through {@link AdminService#erase}).
 */
public final class ParticipantPrivacy {

    /** The audit detail of an erasure asked for by a person (administrator, command line). */
    public static final String ON_REQUEST = "on_request";

    private final Store store;
    private final AdminService admin;
    private final AuditLog audit;
    private final Clock clock;

    public ParticipantPrivacy(Store store, AdminService admin, AuditLog audit, Clock clock) {
        this.store = store;
        this.admin = admin;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Erases the participant (see {@link AdminService#erase}) and records who did it and why.
     *
     * @param reason the audit detail: {@link #ON_REQUEST} or {@link Retention#REASON}
     */
    public void erase(UUID participantId, UUID requestedBy, Actor actor, String reason) {
        admin.erase(participantId, requestedBy);
        audit.record(List.of(AuditEvent.ofParticipant(actor, AuditAction.ERASED, participantId, reason)));
    }

    /** Everything stored about the participant; the export itself is recorded in the audit log first. */
    public ParticipantExport export(UUID participantId, Actor actor) {
        if (participantId == null) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_input", "participantId: is required",
                    List.of("participantId: is required"));
        }
        Held held = store.read(tx -> {
            List<Assignment> assignments = tx.assignmentsOf(participantId);
            boolean erased = tx.erased(participantId);
            if (!tx.participantKnown(participantId) && assignments.isEmpty() && !erased) {
                throw new AdminException(AdminException.Kind.NOT_FOUND, "participant_not_found",
                        "no participant with id " + participantId);
            }
            return new Held(tx.recordsOf(participantId), erased, assignments, tx.projectsOf(participantId));
        });
        audit.record(List.of(AuditEvent.ofParticipant(actor, AuditAction.EXPORTED, participantId, "participant_export")));
        List<ParticipantExport.ExportedRecord> records = held.records().stream()
                .sorted(Comparator.comparing((StoredRecord r) -> r.type().ordinal()).thenComparing(StoredRecord::id))
                .map(r -> new ParticipantExport.ExportedRecord(r.type(), r.id(), r.state(), r.version(), r.fields()))
                .toList();
        return new ParticipantExport(participantId, clock.instant(), held.erased(), records, consents(held.records()),
                held.assignments(), held.projects(), audit.entries(AuditQuery.ofParticipant(participantId)));
    }

    private static ArrayNode consents(List<StoredRecord> records) {
        ArrayNode history = Json.MAPPER.createArrayNode();
        records.stream()
                .filter(r -> r.type() == RecordType.PARTICIPANT && r.fields() != null)
                .map(r -> r.fields().path("consents"))
                .filter(JsonNode::isArray)
                .forEach(consents -> consents.forEach(history::add));
        return history;
    }

    private record Held(List<StoredRecord> records, boolean erased, List<Assignment> assignments, Set<UUID> projects) {
    }
}
