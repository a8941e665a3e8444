package com.spurlab.core.dataset;

import com.spurlab.core.dataset.ValidationReport.Problem;
import com.spurlab.core.dataset.ValidationReport.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation problems, folding repeats of one kind into a count with its first place. */
final class ProblemLog {

    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private boolean fatal;

    void warn(String file, Integer line, String kind, String detail) {
        add(Severity.WARNING, file, line, kind, detail);
    }

    /** An error in one row: the row is excluded. */
    void rowError(String file, Integer line, String kind, String detail) {
        add(Severity.ERROR, file, line, kind, detail);
    }

    /** An error that rejects the whole archive. */
    void fatal(String file, String detail) {
        fatal = true;
        add(Severity.ERROR, file, null, "fatal:" + detail, detail);
    }

    boolean isFatal() {
        return fatal;
    }

    List<Problem> problems() {
        return new ArrayList<>(problems.values());
    }

    private void add(Severity severity, String file, Integer line, String kind, String detail) {
        problems.merge(severity + ":" + kind, new Problem(severity, file, line, detail, 1,
                        file == null ? List.of() : List.of(file), ProblemFixes.of(kind)),
                (first, again) -> new Problem(first.severity(), first.file(), first.line(), first.problem(),
                        first.count() + 1, withFile(first.files(), file), first.fix()));
    }

    private static List<String> withFile(List<String> files, String file) {
        if (file == null || files.size() >= Problem.FILES_NAMED || files.contains(file)) {
            return files;
        }
        List<String> more = new ArrayList<>(files);
        more.add(file);
        return more;
    }
}
