package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * A record as the screens read it.
 *
 * @param version the server version the record is based on; 0 if the server has not sent it yet
 * @param pending true while the device's own changes are not yet reflected by the server
 */
public record LocalRecord(RecordType type, UUID id, UUID participantId, ObjectNode fields, long version, boolean pending) {
}
