package nl.koers.server.sync;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;

/**
 * SHA-256 over a mutation in canonical JSON (object keys sorted at every level, UTF-8), so that
 * the same mutation sent again hashes the same whatever order its JSON fields arrive in. The JSON
 * is written straight into the digest: the mutation's properties and the keys of its fields in
 * sorted order, by Koers' own JSON configuration otherwise.
 */
final class PayloadHash {

    private static final ObjectWriter CANONICAL = ((JsonMapper) Json.MAPPER).rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build()
            .writer();

    private PayloadHash() {
    }

    static String of(Mutation mutation) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try {
            CANONICAL.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), sha256), mutation);
        } catch (IOException e) {
            throw new UncheckedIOException("a mutation could not be written as JSON", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
