package nl.koers.app.views;

import nl.koers.app.sync.SyncTransport;
import nl.koers.app.sync.TransportException;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/** The phone's network in a test: passes calls to the server, or fails them all as if there were no signal. */
final class OfflineSwitch implements SyncTransport {

    private final SyncTransport server;
    private volatile boolean offline;

    OfflineSwitch(SyncTransport server) {
        this.server = server;
    }

    void offline(boolean noSignal) {
        this.offline = noSignal;
    }

    @Override
    public PairingResponse pair(PairingRequest request) {
        check();
        return server.pair(request);
    }

    @Override
    public PushResponse push(String token, PushRequest request) {
        check();
        return server.push(token, request);
    }

    @Override
    public PullResponse pull(String token, PullRequest request) {
        check();
        return server.pull(token, request);
    }

    private void check() {
        if (offline) {
            throw new TransportException(TransportException.Kind.NETWORK, "no signal");
        }
    }
}
