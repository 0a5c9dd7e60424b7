package conformance.run;

import java.io.PrintStream;

/** What a person watching a long run sees: cases done of total, the current stage, findings so far. */
public interface Progress {
    Progress SILENT = new Progress() {
        @Override
        public void stage(String what) {
        }

        @Override
        public void advanced(long done, long total, long findings) {
        }
    };

    void stage(String what);

    void advanced(long done, long total, long findings);

    /** Prints a line per stage, and a progress line at most every two seconds (and at the end). */
    static Progress console(PrintStream out) {
        return new Progress() {
            private long lastPrint;

            @Override
            public void stage(String what) {
                out.println("[conformance] " + what);
            }

            @Override
            public void advanced(long done, long total, long findings) {
                long now = System.nanoTime();
                if (done == total || now - lastPrint > 2_000_000_000L) {
                    lastPrint = now;
                    out.printf("[conformance] %d/%d cases, %d findings so far%n", done, total, findings);
                }
            }
        };
    }
}
