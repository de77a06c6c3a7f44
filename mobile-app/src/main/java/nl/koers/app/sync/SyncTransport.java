package nl.koers.app.sync;

import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/**
 * The three calls a device makes to its server. Implemented over HTTP for real, and in memory by
 * tests and fault simulations. Failures are {@link TransportException}s that say whether trying
 * again later can help.
 */
public interface SyncTransport {

    PairingResponse pair(PairingRequest request);

    PushResponse push(String token, PushRequest request);

    PullResponse pull(String token, PullRequest request);
}
