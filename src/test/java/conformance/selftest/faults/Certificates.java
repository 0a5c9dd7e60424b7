package conformance.selftest.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key store with a fresh self-signed certificate for a test server, made with the JDK's keytool (no library writes
 * X.509 certificates without internal JDK classes). The same file serves the client as its trust store: Java trusts
 * the certificate of each key entry of a trust store.
 */
public record Certificates(Path keyStore, String password) {

    /** @param subjectAltNames e.g. {@code ip:127.0.0.1} */
    public static Certificates selfSigned(Path folder, String subjectAltNames) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + folder, e);
        }
        String password = "changeit-" + Long.toHexString(System.nanoTime());
        Path keyStore = folder.resolve("server.p12");
        keytool("-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=conformance self-test", "-ext", "SAN=" + subjectAltNames, "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        return new Certificates(keyStore, password);
    }

    public Path trustStore() {
        return keyStore;
    }
    private static void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
