package nl.koers.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;

/**
 * SHA-256 over a mutation in canonical JSON (object keys sorted at every level), so that the same
 * mutation sent again hashes the same whatever order its JSON fields arrive in.
 */
final class PayloadHash {

    private PayloadHash() {
    }

    static String of(Mutation mutation) {
        JsonNode canonical = canonical(Json.MAPPER.valueToTree(mutation));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            ObjectNode out = Json.object();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = Json.MAPPER.createArrayNode();
            node.forEach(child -> out.add(canonical(child)));
            return out;
        }
        return node;
    }
}
