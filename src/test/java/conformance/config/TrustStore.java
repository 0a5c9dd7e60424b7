package conformance.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * The certificates to trust for an https target instead of the JVM's default ones (a private CA, a self-signed
 * staging server). Loaded once when the run is configured, so a wrong path, password or format stops the run before
 * any request.
 */
public record TrustStore(Path path, KeyStore keyStore) {

    static Optional<TrustStore> from(Settings s) {
        Optional<String> path = s.get("trustStore");
        Optional<String> password = s.get("trustStorePassword");
        if (path.isEmpty()) {
            if (password.isPresent()) {
                throw new ConfigException(Settings.name("trustStorePassword") + " is set but " + Settings.name("trustStore")
                        + " is not: name the trust store file (PKCS12 or JKS) the password opens.");
            }
            return Optional.empty();
        }
        Path file = Path.of(path.get());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(Settings.name("trustStore") + ": cannot read the file '" + file.toAbsolutePath()
                    + "'; name a PKCS12 or JKS trust store holding the target's certificate or its CA.");
        }
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password.map(String::toCharArray).orElse(null));
            if (store.size() == 0) {
                throw new ConfigException(Settings.name("trustStore") + ": '" + file + "' holds no certificate; "
                        + "import the target's certificate or its CA into it (keytool -importcert).");
            }
            return Optional.of(new TrustStore(file, store));
        } catch (IOException e) {
            throw new ConfigException(Settings.name("trustStore") + ": cannot open '" + file + "' (" + reason(e)
                    + "); check " + Settings.name("trustStorePassword") + " and that the file is a PKCS12 or JKS trust store.");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(Settings.name("trustStore") + ": '" + file + "' is not a usable trust store ("
                    + e.getMessage() + "); give a PKCS12 or JKS file.");
        }
    }

    private static String reason(IOException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }

    @Override
    public String toString() {
        return "TrustStore[" + path + "]";
    }
}
