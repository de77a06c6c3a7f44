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
 * pairs of the records that {@linkplain #counts(RecordState) count}. Server and device compute it
 * the same way; a mismatch on the last pull page means the device has drifted and re-reads its
 * scope (keeping its unpushed work).
 */
public final class ScopeDigest {

    /**
     * Whether a record in this state counts in the digest: LIVE and DELETED records do, ERASED
     * tombstones never. Erasure leaves a different set of tombstones on each side: the server
     * keeps one for every record of the erased participant, a device keeps only the participant's
     * own tombstone (so nothing brings them back) and drops the rest with their data. Counting
     * either would make the digests differ after every erasure and send devices into a needless
     * scope repair. Every digest computation, on a device or on the server, filters with this
     * method so the rule lives once.
     */
    public static boolean counts(RecordState state) {
        return state != RecordState.ERASED;
    }

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
