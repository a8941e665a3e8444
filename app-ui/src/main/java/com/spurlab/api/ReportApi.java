package com.spurlab.api;

import com.spurlab.report.ReportDownloads;
import com.spurlab.report.ReportFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pilot report for executives and leads; vendors get 403 (members) or 404, as for every result. */
@RestController
class ReportApi {

    private final ReportDownloads reports;

    ReportApi(ReportDownloads reports) {
        this.reports = reports;
    }

    /**
     * {@code format=pdf}: the report for people (KPIs, per-group chart and table, trend, top cues, audits);
     * {@code format=csv}: one row per KPI point, group, cue and audit figure. Another format is a 400 naming both.
     */
    @GetMapping("/api/v1/projects/{id}/report")
    void report(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format, HttpServletResponse response)
            throws IOException {
        ReportFormat chosen = ReportFormat.parse(format);
        // Written whole before the first byte goes out, so a refusal or a failure is still a JSON error.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        reports.write(id, chosen, body);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(chosen.fileName(id)).build().toString());
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
