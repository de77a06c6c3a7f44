package nl.koers.server.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The key store whose private key and certificate the server presents over HTTPS
 * ({@code koers.tls.keystore}, {@code koers.tls.password}, {@code koers.tls.type}).
 *
 * @param type the key store type, {@code PKCS12} by default
 */
public record TlsKeyStore(Path path, String password, String type) {

    public TlsKeyStore {
        if (path == null) {
            throw new IllegalArgumentException("koers.tls.keystore needs a path");
        }
        password = password == null ? "" : password;
        type = type == null || type.isBlank() ? "PKCS12" : type.strip();
    }

    /**
     * A TLS context over the key store's key. Fails with a message naming the key store if it
     * cannot be read, has another password, or holds no usable key.
     */
    public SSLContext sslContext() {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keys = KeyStore.getInstance(type);
            keys.load(in, secret);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the TLS key store " + path + " (type " + type + "): "
                    + e.getMessage(), e);
        }
    }
}
