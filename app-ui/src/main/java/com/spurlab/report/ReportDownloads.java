package com.spurlab.report;

import com.spurlab.core.results.PilotReport;
import com.spurlab.core.results.PilotReports;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Component;

/** Writes the pilot report in a format: for the HTTP endpoint and for the dashboard's download links. */
@Component
public class ReportDownloads {

    private final PilotReports reports;

    ReportDownloads(PilotReports reports) {
        this.reports = reports;
    }

    /** Reads the report (access checked for the caller) and writes it. */
    public void write(long projectId, ReportFormat format, OutputStream out) throws IOException {
        PilotReport report = reports.report(projectId);
        switch (format) {
            case PDF -> PilotReportPdf.write(report, out);
            case CSV -> PilotReportCsv.write(report, out);
        }
    }

    /** A download for the dashboard: read when the person clicks, with their own access. */
    public DownloadHandler handler(long projectId, ReportFormat format) {
        return event -> {
            event.setFileName(format.fileName(projectId));
            event.setContentType(format.contentType());
            write(projectId, format, event.getOutputStream());
        };
    }
}
