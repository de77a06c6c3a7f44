package nl.koers.server.sync;

import nl.koers.server.auth.DeviceIdentity;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/**
 * The server side of sync, independent of HTTP: the HTTP service and the fault simulation both
 * drive it. Errors that concern the whole request are thrown as {@link SyncException}.
 */
public interface SyncService {

    PushResponse push(DeviceIdentity device, PushRequest request);

    PullResponse pull(DeviceIdentity device, PullRequest request);
}
