package nl.koers.app.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/**
 * A network between a device and a server that misbehaves on purpose: it drops requests, loses
 * responses after the server acted, answers 503, delivers requests twice, and delivers a copy of
 * a request late (after later ones). Faults come from a script, or at random from a seed.
 */
final class FaultyTransport implements SyncTransport {

    enum Fault {
        NONE,
        /** The request never reaches the server. */
        DROP_REQUEST,
        /** The server handles the request; its answer never arrives. */
        LOSE_RESPONSE,
        /** The server is briefly unavailable. */
        UNAVAILABLE,
        /** The request reaches the server twice. */
        DUPLICATE,
        /** A copy of the request reaches the server again later, after the next request. */
        LATE_COPY
    }

    private final SyncTransport server;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<Runnable> late = new ArrayList<>();
    private RandomGenerator random;
    private double rate;
    private int injected;

    FaultyTransport(SyncTransport server) {
        this.server = server;
    }

    void script(Fault... faults) {
        script.addAll(List.of(faults));
    }

    void random(RandomGenerator random, double rate) {
        this.random = random;
        this.rate = rate;
    }

    void calm() {
        random = null;
        script.clear();
    }

    int injected() {
        return injected;
    }

    @Override
    public PairingResponse pair(PairingRequest request) {
        return server.pair(request);
    }

    @Override
    public PushResponse push(String token, PushRequest request) {
        return deliver(() -> server.push(token, request));
    }

    @Override
    public PullResponse pull(String token, PullRequest request) {
        return deliver(() -> server.pull(token, request));
    }

    private <T> T deliver(Supplier<T> call) {
        deliverLateCopies();
        Fault fault = next();
        if (fault != Fault.NONE) {
            injected++;
        }
        return switch (fault) {
            case NONE -> call.get();
            case DROP_REQUEST -> throw new TransportException(TransportException.Kind.NETWORK, "injected: request dropped");
            case UNAVAILABLE -> throw new TransportException(TransportException.Kind.UNAVAILABLE, "injected: 503");
            case LOSE_RESPONSE -> {
                call.get();
                throw new TransportException(TransportException.Kind.NETWORK, "injected: response lost");
            }
            case DUPLICATE -> {
                call.get();
                yield call.get();
            }
            case LATE_COPY -> {
                late.add(call::get);
                yield call.get();
            }
        };
    }

    private void deliverLateCopies() {
        List<Runnable> copies = List.copyOf(late);
        late.clear();
        for (Runnable copy : copies) {
            try {
                copy.run();
            } catch (TransportException lost) {
                // the device gave up on this request long ago; whatever the server answers is lost
            }
        }
    }

    private Fault next() {
        if (!script.isEmpty()) {
            return script.poll();
        }
        if (random == null || random.nextDouble() >= rate) {
            return Fault.NONE;
        }
        Fault[] faults = Fault.values();
        return faults[1 + random.nextInt(faults.length - 1)];
    }
}
