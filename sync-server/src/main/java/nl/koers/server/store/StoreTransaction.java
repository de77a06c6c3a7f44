package nl.koers.server.store;

import java.util.UUID;
import nl.koers.server.admin.AdminService.Organisation;
import nl.koers.server.admin.AdminService.User;
import nl.koers.sync.Conflict;
import nl.koers.sync.StoredRecord;

/** Reads and writes inside one write transaction. */
public interface StoreTransaction extends StoreReads {

    /**
     * Takes the next change-feed position. Positions strictly increase in commit order (writers
     * are serialised); a position taken by a transaction that rolls back is never seen.
     */
    long nextFeedPosition();

    /** Starts a new store lifetime: devices then re-read everything (after a restore from backup). */
    void setEpoch(String epoch);

    /**
     * Moves the feed counter up to {@code position} if it is lower (after a restore from backup,
     * so that no feed position is handed out twice).
     */
    void raiseFeedPosition(long position);

    /** Inserts or replaces a record. */
    void putRecord(StoredRecord record);

    void markErased(UUID participantId, long at);

    void putAppliedMutation(AppliedMutation applied);

    /** Stores a conflict; the device whose value was not kept ({@link Conflict#otherDeviceId}) hears of it on pull. */
    void addConflict(Conflict conflict, long position, long at);

    void deleteConflictsOf(UUID participantId);

    void setLastSeq(UUID deviceId, long lastSeq);

    void insertDevice(Device device);

    void revokeDevice(UUID deviceId, long at);

    void insertPairingCode(StoredPairingCode code);

    void markPairingCodeUsed(String code, long at);

    void insertOrganisation(Organisation organisation);

    void insertProject(StoredProject project);

    void insertUser(User user);

    void addMembership(Membership membership);

    void addParticipantProject(UUID participantId, UUID projectId);

    /** The participant is no longer filed under the project: its leaders stop holding them. */
    void removeParticipantProject(UUID participantId, UUID projectId);

    /** Inserts or replaces the assignment of (participant, user). */
    void putAssignment(Assignment assignment);

    /** Inserts or replaces the scope entry of (user, participant). */
    void putScopeMember(ScopeMember member);
}
