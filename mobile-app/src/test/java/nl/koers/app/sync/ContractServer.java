package nl.koers.app.sync;

import java.util.UUID;

/**
 * A sync server under {@link SyncServerContract}: the protocol as a phone reaches it, and what a
 * coordinator does on the server. Implemented by the in-memory {@link FakeSyncServer} and, in
 * {@code system-tests}, by the real server over HTTP, so that the fake the app's tests run against
 * answers as the real one does.
 */
public interface ContractServer extends AutoCloseable {

    /** How a phone reaches the server now; a restore may move it (the real server restarts). */
    SyncTransport transport();

    /** The one project of the server's organisation. */
    UUID project();

    /** A new user with the coach role in {@link #project()}. */
    UUID coach(String name);

    /** A single-use pairing code for the user. */
    String pairingCode(UUID userId);

    /** Makes the user the participant's coach in the project; a previous coach loses them. */
    void assign(UUID participantId, UUID userId);

    /** The participant leaves the user's scope. */
    void unassign(UUID participantId, UUID userId);

    /** Erasure on request: every record of the participant becomes a tombstone without data. */
    void erase(UUID participantId);

    /** The device may no longer sync and must wipe its data. */
    void revoke(UUID deviceId);

    /** Everything a restore brings back. */
    Object backup();

    /** Brings back a backup under a new epoch. */
    void restore(Object backup);

    @Override
    void close();
}
