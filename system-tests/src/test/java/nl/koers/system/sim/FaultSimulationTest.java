package nl.koers.system.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded fault simulation of SYNC.md: {@value #DEFAULT_SEEDS} seeds by default (set
 * {@code -Dkoers.sim.seeds=N} for more, {@code -Dkoers.sim.first-seed=F} to start elsewhere,
 * {@code -Dkoers.sim.seed=S} to rerun one). A failure names its seed and keeps its files.
 */
class FaultSimulationTest {

    static final int DEFAULT_SEEDS = 200;
    private static final Map<SimNetwork.CrashPoint, Integer> PHONE_KILLS = new EnumMap<>(SimNetwork.CrashPoint.class);
    private static int runs;

    static LongStream seeds() {
        String one = System.getProperty("koers.sim.seed");
        if (one != null) {
            return LongStream.of(Long.parseLong(one));
        }
        long first = Long.getLong("koers.sim.first-seed", 1);
        return LongStream.range(first, first + Long.getLong("koers.sim.seeds", DEFAULT_SEEDS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyInvariantHolds_underFaults(long seed) throws IOException {
        Path root = SimFiles.newRunDirectory("sim-" + seed + "-");
        try (FaultSimulation simulation = new FaultSimulation(seed, root)) {
            try {
                simulation.run();
                runs++;
                simulation.phoneKills().forEach((point, count) -> PHONE_KILLS.merge(point, count, Integer::sum));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fault simulation failed for seed " + seed + " (rerun with -Dkoers.sim.seed="
                        + seed + "; files kept in " + root + "): " + e.getMessage() + "\n" + simulation.summary(), e);
            }
        }
        SimFiles.delete(root);
    }

    /** Over a full run of seeds, the phones were killed at every named point: the faults were real. */
    @AfterAll
    static void everyCrashPointWasExercised() {
        if (runs >= DEFAULT_SEEDS) {
            for (SimNetwork.CrashPoint point : SimNetwork.CrashPoint.values()) {
                assertTrue(PHONE_KILLS.getOrDefault(point, 0) > 0, "no phone was killed at " + point + " in " + runs + " runs");
            }
        }
    }
}
