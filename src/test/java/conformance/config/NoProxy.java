package conformance.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code NO_PROXY} list as curl reads it: entries separated by commas, {@code *} for every host, a host name that
 * also covers its subdomains (a leading dot or not), an IP address, each optionally with {@code :port}. CIDR ranges
 * are not read.
 */
final class NoProxy {
    private NoProxy() {
    }

    static boolean matches(String list, URI target) {
        String host = bare(target.getHost().toLowerCase(Locale.ROOT));
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return Arrays.stream(list.split("[,\\s]+")).map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .anyMatch(entry -> matches(entry, host, port));
    }

    private static boolean matches(String entry, String host, int port) {
        if (entry.equals("*")) {
            return true;
        }
        String name = entry;
        int colon = entry.lastIndexOf(':');
        boolean bracketed = entry.startsWith("[");
        if (colon > 0 && (bracketed ? entry.lastIndexOf(']') < colon : entry.indexOf(':') == colon)) {
            if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
                return false;
            }
            name = entry.substring(0, colon);
        }
        name = bare(name);
        if (name.startsWith(".")) {
            name = name.substring(1);
        }
        return host.equals(name) || host.endsWith("." + name);
    }

    /** An IPv6 address without its brackets. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
