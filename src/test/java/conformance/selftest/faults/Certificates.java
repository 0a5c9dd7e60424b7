package conformance.selftest.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server key store with a fresh self-signed certificate, and a trust store holding that certificate, made with the
 * JDK's keytool (no library writes X.509 certificates without internal JDK classes).
 */
public record Certificates(Path keyStore, Path trustStore, String password) {

    /** @param subjectAltNames e.g. {@code ip:127.0.0.1} */
    public static Certificates selfSigned(Path folder, String subjectAltNames) {
        String password = "changeit-" + Long.toHexString(System.nanoTime());
        Path keyStore = folder.resolve("server.p12");
        Path certificate = folder.resolve("server.cer");
        Path trustStore = folder.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=conformance self-test", "-ext", "SAN=" + subjectAltNames, "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "target", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "target", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", password);
        return new Certificates(keyStore, trustStore, password);
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
