package nl.koers.app.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import nl.koers.app.testing.SequentialIds;
import nl.koers.sync.ProjectSummary;
import nl.koers.testing.ManualClock;

/** The in-memory fake the app's tests sync with, held to the contract the real server passes. */
class FakeSyncServerContractTest extends SyncServerContract {

    private static final UUID PROJECT = new UUID(0xf00, 1);

    @Override
    protected ContractServer newServer(Path dir, ManualClock clock) {
        FakeSyncServer fake = new FakeSyncServer(clock, new SequentialIds(0xfa));
        fake.addProject(new ProjectSummary(PROJECT, "Werkfit Utrecht", List.of(1, 3, 6, 12), 30));
        SequentialIds users = new SequentialIds(0xc0);
        return new ContractServer() {
            @Override
            public SyncTransport transport() {
                return fake;
            }

            @Override
            public UUID project() {
                return PROJECT;
            }

            @Override
            public UUID coach(String name) {
                return users.get();
            }

            @Override
            public String pairingCode(UUID userId) {
                return fake.issuePairingCode(userId);
            }

            @Override
            public void assign(UUID participantId, UUID userId) {
                fake.assign(userId, participantId);
            }

            @Override
            public void unassign(UUID participantId, UUID userId) {
                fake.unassign(userId, participantId);
            }

            @Override
            public void erase(UUID participantId) {
                fake.erase(participantId);
            }

            @Override
            public void revoke(UUID deviceId) {
                fake.revoke(deviceId);
            }

            @Override
            public Object backup() {
                return fake.backup();
            }

            @Override
            public void restore(Object backup) {
                fake.restore(backup);
            }

            @Override
            public void close() {
                // nothing to release: the fake lives in memory
            }
        };
    }
}
