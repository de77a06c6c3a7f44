package nl.koers.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A digest over every record a device should hold: SHA-256 of the sorted (record id, version)
 * pairs. Server and device compute it the same way; a mismatch on the last pull page means the
 * device has drifted and re-reads its scope (keeping its unpushed work).
 */
public final class ScopeDigest {

    private final TreeMap<UUID, Long> versions = new TreeMap<>();

    public ScopeDigest add(UUID recordId, long version) {
        versions.put(recordId, version);
        return this;
    }

    public static String of(Map<UUID, Long> versions) {
        ScopeDigest digest = new ScopeDigest();
        versions.forEach(digest::add);
        return digest.value();
    }

    public String value() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<UUID, Long> e : versions.entrySet()) {
                sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
