package nl.koers.server.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.koers.server.admin.AdminService.Organisation;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.auth.Role;
import nl.koers.sync.Conflict;
import nl.koers.sync.RecordChange;
import nl.koers.sync.StoredRecord;

/** Everything that can be read inside one snapshot. */
public interface StoreReads {

    /** The id of this store's lifetime; a restore from backup gives a new one. */
    String epoch();

    /** The highest change-feed position handed out so far. */
    long feedPosition();

    // records and the change feed

    Optional<StoredRecord> record(UUID id);

    /**
     * The records of those ids that exist, by id, in one or a few queries (a push request reads all
     * its records at once). Implementations keep what a transaction read, so a later
     * {@link #record} of one of these ids costs no query.
     */
    Map<UUID, StoredRecord> records(Collection<UUID> ids);

    List<StoredRecord> recordsOf(UUID participantId);

    /** Whether any record of the participant exists (tombstones included). */
    boolean participantKnown(UUID participantId);

    boolean erased(UUID participantId);

    /**
     * Records of participants in the user's active scope that changed after {@code position} and
     * after the participant entered the scope, in feed order.
     */
    List<RecordChange> scopedChangesAfter(UUID userId, long position, int limit);

    /** Entries into and exits from the user's scope after {@code position}, in feed order. */
    List<ScopeMember> scopeEventsAfter(UUID userId, long position, int limit);

    /** The participant's records whose latest change is at or before {@code position}. */
    List<RecordChange> recordsOfUpTo(UUID participantId, long position);

    /**
     * (record id, version) of every record in the user's active scope that counts for the scope
     * digest ({@link nl.koers.sync.ScopeDigest#counts}): live records and delete tombstones.
     */
    Map<UUID, Long> scopeVersions(UUID userId);

    /**
     * Participants erased at a feed position in {@code (after, upTo]} whom the user ever had in
     * scope, whether or not they still have.
     */
    List<UUID> erasedParticipantsBetween(UUID userId, long after, long upTo);

    Optional<ScopeMember> scopeMember(UUID userId, UUID participantId);

    List<ScopeMember> scopeOf(UUID participantId);

    // exactly-once

    Optional<Device> device(UUID id);

    Optional<Device> deviceByTokenHash(String tokenHash);

    /** The user's devices, revoked ones included, oldest first. */
    List<Device> devicesOf(UUID userId);

    Optional<AppliedMutation> appliedMutation(UUID mutationId);

    /** The applied mutations of those ids that exist, by id; like {@link #records(Collection)}. */
    Map<UUID, AppliedMutation> appliedMutations(Collection<UUID> mutationIds);

    List<AppliedMutation> appliedMutationsOf(UUID participantId);

    // organisation

    List<Organisation> organisations();

    Optional<Organisation> organisation(UUID id);

    List<StoredProject> projects();

    Optional<StoredProject> project(UUID id);

    List<User> users();

    Optional<User> user(UUID id);

    Optional<User> userByEmail(String email);

    List<Membership> membershipsOf(UUID userId);

    Set<UUID> usersWithRole(UUID projectId, Role role);

    Set<UUID> projectsOf(UUID participantId);

    Set<UUID> participantsOf(UUID projectId);

    List<Assignment> assignmentsOf(UUID participantId);

    Optional<StoredPairingCode> pairingCode(String code);

    /**
     * Conflicts recorded at a feed position in {@code (after, upTo]} in which the device's value was
     * not kept, in feed order.
     */
    List<Conflict> conflictsLostBy(UUID deviceId, long after, long upTo);

    /** Conflicts about participants of the project, newest first. */
    List<Conflict> conflicts(UUID projectId);
}
