package nl.koers.system.process;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another class's {@code main} in a JVM that a test started, and ends that JVM at once when
 * the test's JVM ends, however it ends: a test run that is cut off (a timeout, a killed build)
 * leaves no server or phone processes behind to load the machine.
 */
final class WithParent {

    private WithParent() {
    }

    /** {@code args[0]}: the class whose main to run; the rest are its arguments. */
    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)),
                () -> Runtime.getRuntime().halt(137));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
