package nl.koers.server.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.sync.Conflict;
import nl.koers.sync.PairingResponse;

/**
 * The administration Koers needs to run: organisations, projects, users and their roles,
 * participant assignments, device pairing and erasure. Used by the admin HTTP API, the command
 * line and the demo seeder; independent of HTTP. Invalid input is thrown as
 * {@link AdminException} with a message that says what was wrong.
 */
public interface AdminService {

    Organisation createOrganisation(String name);

    Project createProject(NewProject project);

    User createUser(String name, String email);

    /** Gives a user a role in a project (a user may hold roles in several projects). */
    void addMembership(UUID userId, UUID projectId, Role role);

    /**
     * Makes a user the coach of a participant in a project. The participant's records then reach
     * that user's devices whole; a previous coach's devices lose them on their next pull.
     */
    void assign(UUID participantId, UUID userId, UUID projectId);

    void unassign(UUID participantId, UUID userId);

    /** A short single-use code a coordinator gives a coach to pair a phone; expires. */
    PairingCode issuePairingCode(UUID userId);

    /** Exchanges a pairing code for a device id and token; the token is shown once and stored hashed. */
    PairingResponse pair(String code, String deviceName);

    /**
     * The device a token belongs to; empty if the token is unknown.
     *
     * @throws AdminException {@code device_revoked} (401) if the device was revoked: the device
     *                        then wipes its local data
     */
    Optional<DeviceIdentity> authenticate(String deviceToken);

    /** Revokes a device: its token stops working and the device wipes its data on its next contact. */
    void revokeDevice(UUID deviceId);

    /**
     * Erases a participant under privacy law: every record becomes a tombstone without personal
     * data, stored mutation payloads and conflicts about them are removed, and devices remove them
     * (and scrub their outboxes) on their next pull.
     */
    void erase(UUID participantId, UUID requestedBy);

    List<Organisation> organisations();

    List<Project> projects();

    List<User> users();

    /** Recorded conflicts for a coordinator to review, newest first. */
    List<Conflict> conflicts(UUID projectId);

    record Organisation(UUID id, String name) {
    }

    record NewProject(UUID organisationId, String name, String programme, List<String> municipalities,
                      LocalDate startDate, LocalDate endDate, List<Integer> aftercareMonths, int silenceDays) {
    }

    record Project(UUID id, UUID organisationId, String name, String programme, List<String> municipalities,
                   LocalDate startDate, LocalDate endDate, String status, List<Integer> aftercareMonths,
                   int silenceDays) {
    }

    record User(UUID id, String name, String email) {
    }

    record PairingCode(String code, UUID userId, long expiresAtMillis) {
    }

}
