package nl.koers.system.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.StoreUnavailableException;
import nl.koers.system.sim.SimNetwork.FaultRates;

/**
 * One seeded run: coach A with two phones, coach B with one and a project leader with one, all
 * working offline and syncing over a faulty network, while phones crash, clocks drift and jump,
 * the server restarts and fails transiently, participants are reassigned and erased. Then the
 * faults stop, every phone syncs until its outbox is empty, and every invariant is checked.
 */
final class FaultSimulation implements AutoCloseable {

    static final int STEPS = 90;
    static final int DRAIN_ROUNDS = 8;
    private static final FaultRates FAULTS = new FaultRates(0.12, 0.12, 0.06, 0.06, 0.04);

    private final SimWorld world;
    private final Invariants invariants;
    private final SimDevice leaderPhone;
    private final List<SimDevice> coachPhones;
    int completedSyncs;
    int reassignments;
    int erasures;
    int crashes;

    FaultSimulation(long seed, Path root) {
        world = new SimWorld(seed, root);
        invariants = new Invariants(world);
        UUID coachA = world.user("CoachA", Role.COACH);
        UUID coachB = world.user("CoachB", Role.COACH);
        world.server.admin.addMembership(coachA, world.otherProject, Role.COACH);
        coachPhones = List.of(world.device("a-phone", coachA), world.device("a-tablet", coachA),
                world.device("b-phone", coachB));
        leaderPhone = world.device("leader-laptop", world.leader);
        world.device("leader2-laptop", world.otherLeader);
        world.devices.forEach(d -> d.network.setFaults(FAULTS));
    }

    /** Runs the steps, drains, checks every invariant; throws {@link Invariants.InvariantViolation}. */
    void run() {
        for (int step = 0; step < STEPS; step++) {
            world.clock.advance(Duration.ofMinutes(1 + world.random.nextInt(240)));
            step();
        }
        drain();
        invariants.noLostWrites();
        invariants.nothingVanishes();
        invariants.convergence();
        invariants.noResurrection();
        invariants.exactlyOnce();
        world.close();
        invariants.erasedTextIsNowhere();
    }

    private void step() {
        double roll = world.random.nextDouble();
        if (roll < 0.42) {
            edit(world.any(world.random.nextDouble() < 0.85 ? coachPhones : List.of(leaderPhone)));
        } else if (roll < 0.72) {
            sync(world.any(world.devices));
        } else if (roll < 0.78) {
            SimDevice device = world.any(world.devices);
            device.crash();
            world.trace("crash " + device);
            crashes++;
        } else if (roll < 0.84) {
            SimDevice device = world.any(world.devices);
            device.clock.setSkew(Duration.ofHours(world.random.nextInt(145) - 72));
        } else if (roll < 0.90) {
            reassign();
        } else if (roll < 0.92) {
            erase();
        } else if (roll < 0.95) {
            world.server.restart();
            world.trace("server restart");
        } else {
            world.server.store.failAfter(world.random.nextInt(4));
        }
    }

    private void edit(SimDevice device) {
        List<LocalRecord> shown = device.store.records(RecordType.PARTICIPANT);
        if (device != leaderPhone && (shown.size() < 2 || world.random.nextDouble() < 0.12)) {
            world.createParticipant(device);
        } else if (!shown.isEmpty()) {
            world.editSomething(device, world.any(shown));
        }
    }

    private Optional<SyncReport> sync(SimDevice device) {
        Optional<SyncReport> report = device.sync();
        world.trace("sync " + device + ": " + report.map(SyncReport::toString).orElse("phone killed"));
        if (report.isPresent() && report.get().outcome() == SyncOutcome.COMPLETED) {
            completedSyncs++;
            invariants.scopeSafety(device);
        }
        return report;
    }

    private void reassign() {
        List<UUID> candidates = world.participants.stream().filter(p -> !world.erased.contains(p)
                && world.server.store.read(r -> r.participantKnown(p))).toList();
        if (candidates.isEmpty()) {
            return;
        }
        UUID participant = world.any(candidates);
        UUID coach = world.any(world.coaches);
        asAdministrator(() -> world.server.admin.assign(participant, coach, world.project));
        world.reassigned.add(participant);
        world.trace("assign " + participant + " to " + coach);
        reassignments++;
    }

    private void erase() {
        List<UUID> candidates = world.participants.stream().filter(p -> !world.erased.contains(p)
                && world.server.store.read(r -> r.participantKnown(p))).toList();
        if (!candidates.isEmpty()) {
            UUID participant = world.any(candidates);
            asAdministrator(() -> world.server.admin.erase(participant, world.leader));
            world.trace("erase " + participant);
            world.erased.add(participant);
            erasures++;
        }
    }

    /** An administrator whose command meets a busy store (503) simply runs it again. */
    private static void asAdministrator(Runnable command) {
        try {
            command.run();
        } catch (StoreUnavailableException busy) {
            command.run();
        }
    }

    /** 8. With the faults gone, every outbox drains and every phone catches up in a bounded number of rounds. */
    private void drain() {
        world.devices.forEach(d -> d.network.setFaults(FaultRates.NONE));
        world.server.store.failAfter(-1);
        for (int round = 1; round <= DRAIN_ROUNDS; round++) {
            boolean quiet = true;
            for (SimDevice device : world.devices) {
                SyncReport report = sync(device).orElseThrow(() -> new Invariants.InvariantViolation(
                        device + " was killed while faults were off"));
                Invariants.check(report.outcome() == SyncOutcome.COMPLETED,
                        device + " could not sync without faults: " + report.outcome() + " " + report.message());
                quiet &= report.applied() == 0 && report.rejected() == 0 && report.pulled() == 0
                        && device.store.pendingCount() == 0;
            }
            if (quiet) {
                return;
            }
        }
        throw new Invariants.InvariantViolation("outboxes did not drain within " + DRAIN_ROUNDS + " fault-free rounds");
    }

    @Override
    public void close() {
        world.close();
    }

    /** How often phones were killed at each crash point during this run. */
    Map<SimNetwork.CrashPoint, Integer> phoneKills() {
        Map<SimNetwork.CrashPoint, Integer> kills = new EnumMap<>(SimNetwork.CrashPoint.class);
        world.devices.forEach(d -> d.crashes.forEach((point, count) -> kills.merge(point, count, Integer::sum)));
        return kills;
    }

    String summary() {
        return "committed=" + world.committed.size() + " syncs=" + completedSyncs + " reassign=" + reassignments
                + " erase=" + erasures + " crashes=" + crashes
                + " faults=" + world.devices.stream().mapToInt(d -> d.network.faultsInjected).sum()
                + " killed in sync=" + phoneKills()
                + "\nlast steps:\n" + world.lastSteps();
    }
}
