package conformance.extension;

import java.net.URI;

/** A target the run started itself, and the extension bound to its identifiers; closed when the run ends. */
public interface EmbeddedTarget extends AutoCloseable {
    URI baseUrl();

    /** The extension with the embedded target's own identifiers in place of the configured ones. */
    Extension extension();

    /** What reports call it, without its port: {@code embedded reference target, chatwoot dialect}. */
    String name();

    /** Which of its variants runs ({@code chatwoot}): what keeps its stored failing cases apart from the other's. */
    String variant();

    @Override
    void close();
}
