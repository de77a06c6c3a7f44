package nl.koers.server.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.sync.Hlc;
import nl.koers.sync.Mutation;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;

/**
 * Checks what concerns a sync request as a whole, before anything is stored: the device named
 * is the authenticated one (in the request, in each mutation and as the node of each stamp), the
 * schema version is accepted, and every mutation is well formed.
 * A problem here refuses the whole request with a {@link SyncException}.
 */
final class EnvelopeValidator {

    void checkPush(DeviceIdentity device, PushRequest request) {
        checkDevice(device, request.deviceId());
        checkSchema(request.schemaVersion());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < request.mutations().size(); i++) {
            Mutation m = request.mutations().get(i);
            String at = "mutations[" + i + "]";
            if (m == null) {
                problems.add(at + ": is null");
                continue;
            }
            requirePresent(problems, at + ".mutationId", m.mutationId());
            requirePresent(problems, at + ".op", m.op());
            requirePresent(problems, at + ".recordType", m.recordType());
            requirePresent(problems, at + ".recordId", m.recordId());
            requirePresent(problems, at + ".participantId", m.participantId());
            if (m.deviceId() != null && !m.deviceId().equals(device.deviceId())) {
                problems.add(at + ".deviceId: is not the device this token belongs to");
            }
            if (m.seq() < 1) {
                problems.add(at + ".seq: must be 1 or more");
            }
            if (m.baseVersion() < 0) {
                problems.add(at + ".baseVersion: must not be negative");
            }
            if (!SchemaVersions.accepted(m.schemaVersion())) {
                problems.add(at + ".schemaVersion: " + m.schemaVersion() + " is not accepted (accepted: "
                        + SchemaVersions.OLDEST_ACCEPTED + ".." + SchemaVersions.CURRENT + ")");
            }
            checkStamp(problems, at + ".hlc", m.hlc(), device.deviceId());
        }
        if (!problems.isEmpty()) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, "invalid_mutation",
                    "the push contains malformed mutations; nothing was stored", problems);
        }
    }

    void checkPull(DeviceIdentity device, PullRequest request) {
        checkDevice(device, request.deviceId());
        checkSchema(request.schemaVersion());
        if (request.limit() < 0) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, "invalid_limit", "limit must not be negative");
        }
    }

    private static void checkDevice(DeviceIdentity device, UUID claimed) {
        if (claimed == null) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, "missing_device_id", "deviceId is required");
        }
        if (!claimed.equals(device.deviceId())) {
            throw new SyncException(SyncException.Kind.FORBIDDEN, "device_mismatch",
                    "deviceId " + claimed + " is not the device this token belongs to");
        }
    }

    private static void checkSchema(int schemaVersion) {
        if (schemaVersion < SchemaVersions.OLDEST_ACCEPTED) {
            throw new SyncException(SyncException.Kind.CLIENT_TOO_OLD, "client_too_old",
                    "schema version " + schemaVersion + " is no longer accepted; update the app (oldest accepted: "
                            + SchemaVersions.OLDEST_ACCEPTED + ")");
        }
        if (schemaVersion > SchemaVersions.CURRENT) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, "schema_too_new",
                    "schema version " + schemaVersion + " is newer than this server knows (" + SchemaVersions.CURRENT + ")");
        }
    }

    /** A well-formed stamp whose node is the pushing device's own id: a device cannot pick a node that wins ties. */
    private static void checkStamp(List<String> problems, String field, String hlc, UUID deviceId) {
        try {
            String node = Hlc.parse(hlc).node();
            if (!node.equals(Hlc.nodeOf(deviceId))) {
                problems.add(field + ": the node '" + node + "' is not this device's id " + Hlc.nodeOf(deviceId)
                        + "; a device stamps its changes with its own id");
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }

    private static void requirePresent(List<String> problems, String field, Object value) {
        if (value == null) {
            problems.add(field + ": is required");
        }
    }
}
