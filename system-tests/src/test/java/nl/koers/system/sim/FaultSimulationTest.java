package nl.koers.system.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded fault simulation of SYNC.md: {@value #DEFAULT_SEEDS} seeds by default (set
 * {@code -Dkoers.sim.seeds=N} for more, {@code -Dkoers.sim.seed=S} to rerun one). A failure names
 * its seed and keeps its files for inspection.
 */
class FaultSimulationTest {

    static final int DEFAULT_SEEDS = 200;

    static LongStream seeds() {
        String one = System.getProperty("koers.sim.seed");
        if (one != null) {
            return LongStream.of(Long.parseLong(one));
        }
        return LongStream.rangeClosed(1, Long.getLong("koers.sim.seeds", DEFAULT_SEEDS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyInvariantHolds_underFaults(long seed) throws IOException {
        Path root = SimFiles.newRunDirectory("sim-" + seed + "-");
        try (FaultSimulation simulation = new FaultSimulation(seed, root)) {
            try {
                simulation.run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fault simulation failed for seed " + seed + " (rerun with -Dkoers.sim.seed="
                        + seed + "; files kept in " + root + "): " + e.getMessage() + "\n" + simulation.summary(), e);
            }
        }
        SimFiles.delete(root);
    }
}
