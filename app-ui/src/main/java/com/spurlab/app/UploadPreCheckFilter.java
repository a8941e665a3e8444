package com.spurlab.app;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides a dataset upload before its body is read: runs after authentication and before the multipart
 * body is parsed, so a caller who may not upload to the project, or declares more bytes than their role
 * may send, is answered at once instead of after gigabytes have arrived.
 */
class UploadPreCheckFilter extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/projects/(\\d{1,18})/datasets/?");
    /** Room for the multipart framing and the small form fields around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ProjectAccess access;
    private final DatasetService datasets;

    UploadPreCheckFilter(ProjectAccess access, DatasetService datasets) {
        this.access = access;
        this.datasets = datasets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = UPLOAD.matcher(path);
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(MediaType.parseMediaType(type))) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "send the archive as multipart/form-data with the parts 'file' and 'name'");
            return;
        }
        long maxBytes;
        try {
            maxBytes = datasets.maxUploadBytes(access.require(Long.parseLong(m.group(1)), Capability.UPLOAD).role());
        } catch (NotFoundException e) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                    NotFoundException.answerFor(request.getMethod(), path));
            return;
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException e) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", e.getMessage());
            return;
        }
        if (request.getContentLengthLong() > maxBytes + MULTIPART_OVERHEAD) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "upload_too_large",
                    "the upload declares " + request.getContentLengthLong() + " bytes; your role may upload at most "
                            + maxBytes + " bytes per archive; split it into several versions");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The body is not read: the connection is closed after the answer rather than drained. */
    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setHeader("Connection", "close");
        JsonErrors.write(response, status, code, message);
    }
}
