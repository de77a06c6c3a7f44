package nl.koers.app.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import nl.koers.app.AppServices;
import nl.koers.app.store.Pairing;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.ServerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "pair", description = "Pair this data directory with a server using a one-time code.")
final class PairCommand implements Callable<Integer> {

    @ParentCommand
    KoersCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, description = "server address, https:// (http:// only to localhost)")
    String server;

    @Option(names = "--code", required = true, description = "the pairing code from the coordinator")
    String code;

    @Option(names = "--name", description = "a name for this device (default: the host name)")
    String name;

    @Override
    public Integer call() throws UnknownHostException {
        ServerAddress address = ServerAddress.parse(server);
        String deviceName = name != null ? name : InetAddress.getLocalHost().getHostName();
        try (AppServices app = cli.open()) {
            Pairing pairing = new DevicePairing(app.store()).pair(address, app.transportTo(address), code, deviceName);
            spec.commandLine().getOut().printf("paired as device %s for user %s with %s%n",
                    pairing.deviceId(), pairing.userId(), pairing.serverUrl());
        }
        return 0;
    }
}
