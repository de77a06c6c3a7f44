package nl.koers.system.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import nl.koers.app.sync.SyncTransport;
import nl.koers.app.sync.TransportException;
import nl.koers.server.api.ErrorMapping;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.sync.SyncException;
import nl.koers.sync.Json;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/**
 * The network between one phone and the server, with faults drawn from a seeded random source:
 * a request dropped before it arrives, a response lost after the server committed, a request
 * delivered twice, an old request delivered again late (reordering), and the phone itself killed
 * at a named {@link CrashPoint} of a sync round. Every message goes
 * through JSON both ways, as over HTTP; server errors map to the same statuses as over HTTP.
 */
final class SimNetwork implements SyncTransport {

    /** Chance per request of each fault while faults are on. */
    record FaultRates(double drop, double loseResponse, double duplicate, double lateReplay, double phoneCrash) {
        static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0);
    }

    /**
     * Where the phone itself dies during a sync round. The app is killed there and restarted on
     * its files; nothing the phone committed before may be lost.
     */
    enum CrashPoint {
        /** After local commits, before the push leaves the phone. */
        BEFORE_PUSH,
        /** The server applied the push; the phone dies before recording the answers. */
        AFTER_PUSH_COMMITTED,
        /** A page was read; the phone dies before applying it. */
        MID_PAGE,
        /** The previous page and its cursor were saved; the phone dies before asking for the next. */
        AFTER_CURSOR_SAVED
    }

    /** The phone was killed at a named point; the simulation restarts it. */
    static final class PhoneCrash extends RuntimeException {
        final CrashPoint point;

        PhoneCrash(CrashPoint point) {
            super("phone killed at " + point);
            this.point = point;
        }
    }

    private final SimServer server;
    private final Random random;
    private final List<PushRequest> delivered = new ArrayList<>();
    private FaultRates rates = FaultRates.NONE;
    int faultsInjected;

    SimNetwork(SimServer server, Random random) {
        this.server = server;
        this.random = random;
    }

    void setFaults(FaultRates rates) {
        this.rates = rates;
    }

    @Override
    public PairingResponse pair(PairingRequest request) {
        return server.admin.pair(request.code(), request.deviceName());
    }

    @Override
    public PushResponse push(String token, PushRequest request) {
        DeviceIdentity device = authenticate(token);
        PushRequest sent = roundTrip(request, PushRequest.class);
        crashMaybe(CrashPoint.BEFORE_PUSH);
        dropMaybe();
        if (!delivered.isEmpty() && happens(rates.lateReplay())) {
            PushRequest old = delivered.get(random.nextInt(delivered.size()));
            try {
                call(() -> server.sync.push(device, old));
            } catch (TransportException ignored) {
                // a late copy's answer goes nowhere; only its effect on the server matters
            }
        }
        PushResponse response = call(() -> server.sync.push(device, sent));
        delivered.add(sent);
        if (happens(rates.duplicate())) {
            response = call(() -> server.sync.push(device, sent));
        }
        crashMaybe(CrashPoint.AFTER_PUSH_COMMITTED);
        loseMaybe();
        return roundTrip(response, PushResponse.class);
    }

    @Override
    public PullResponse pull(String token, PullRequest request) {
        DeviceIdentity device = authenticate(token);
        PullRequest sent = roundTrip(request, PullRequest.class);
        if (sent.cursor() != null) {
            crashMaybe(CrashPoint.AFTER_CURSOR_SAVED);
        }
        dropMaybe();
        PullResponse response = call(() -> server.sync.pull(device, sent));
        crashMaybe(CrashPoint.MID_PAGE);
        loseMaybe();
        return roundTrip(response, PullResponse.class);
    }

    private DeviceIdentity authenticate(String token) {
        return server.admin.authenticate(token)
                .orElseThrow(() -> new TransportException(TransportException.Kind.UNAUTHORIZED, "unknown device token"));
    }

    private void dropMaybe() {
        if (happens(rates.drop())) {
            throw new TransportException(TransportException.Kind.NETWORK, "request dropped on the way");
        }
    }

    private void loseMaybe() {
        if (happens(rates.loseResponse())) {
            throw new TransportException(TransportException.Kind.NETWORK, "response lost after the server committed");
        }
    }

    private void crashMaybe(CrashPoint point) {
        if (happens(rates.phoneCrash())) {
            throw new PhoneCrash(point);
        }
    }

    private boolean happens(double chance) {
        boolean fault = chance > 0 && random.nextDouble() < chance;
        if (fault) {
            faultsInjected++;
        }
        return fault;
    }

    private static <T> T call(Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (SyncException e) {
            int status = ErrorMapping.status(e.kind()).code();
            throw new TransportException(TransportException.kindOf(status), e.getMessage());
        }
    }

    private static <T> T roundTrip(Object message, Class<T> type) {
        return Json.read(Json.write(message), type);
    }
}
