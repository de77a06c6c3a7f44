package nl.koers.app.sync;

import nl.koers.app.store.LocalStore;
import nl.koers.app.store.Pairing;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;

/** Pairs this device with a server using a one-time code, and keeps what the server answers. */
public final class DevicePairing {

    private final LocalStore store;

    public DevicePairing(LocalStore store) {
        this.store = store;
    }

    public Pairing pair(ServerAddress server, SyncTransport transport, String code, String deviceName) {
        PairingResponse answer = transport.pair(new PairingRequest(code.strip().toUpperCase(java.util.Locale.ROOT), deviceName));
        Pairing pairing = new Pairing(server.toString(), answer.deviceId(), answer.userId(), answer.token());
        store.savePairing(pairing);
        return pairing;
    }
}
