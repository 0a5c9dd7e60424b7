package conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files inside an Allure single-file report: its index.html carries each file of a folder report (data,
 * widgets, history) as {@code d('path','base64')}. Reading them back is how a run continues the history of a
 * single-file report, and how tests read what the page shows.
 */
public final class SingleFileReport {
    private static final Pattern ENTRY = Pattern.compile("\\bd\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");

    private final Map<String, byte[]> files;

    private SingleFileReport(Map<String, byte[]> files) {
        this.files = files;
    }

    public static SingleFileReport read(Path indexHtml) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(Files.readString(indexHtml, StandardCharsets.UTF_8));
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        if (files.isEmpty()) {
            throw new IOException(indexHtml + " is not an Allure single-file report (it embeds no report data)");
        }
        return new SingleFileReport(files);
    }

    public Optional<String> text(String path) {
        return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The files under a folder of the report ({@code history/}), by path. */
    public Map<String, byte[]> under(String folder) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(folder)) {
                out.put(path, bytes);
            }
        });
        return out;
    }
}
