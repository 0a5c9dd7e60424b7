package conformance.run;

import conformance.checks.Finding;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** What a person watching a long run sees: the current stage, cases done of total, findings so far by check. */
public interface Progress {
    Progress SILENT = new Progress() {
        @Override
        public void stage(String what) {
        }

        @Override
        public void advanced(long done, long total, Supplier<List<Finding>> findings) {
        }
    };

    void stage(String what);

    /** One more case judged; {@code findings} is asked only when a line is printed. */
    void advanced(long done, long total, Supplier<List<Finding>> findings);

    /** A line per stage, and a progress line at most every few seconds (and at the end). */
    static Progress console(PrintStream out) {
        return new ConsoleProgress(out, System::nanoTime);
    }
}
