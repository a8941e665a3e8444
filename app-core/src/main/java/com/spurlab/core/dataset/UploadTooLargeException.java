package com.spurlab.core.dataset;

import com.spurlab.core.InvalidRequestException;

/** An upload over the caller's size limit (mapped to 413). */
public class UploadTooLargeException extends InvalidRequestException {
    public UploadTooLargeException(long maxBytes) {
        super("upload_too_large", "the archive is larger than " + maxBytes + " bytes, the limit for your role; "
                + "split it into several versions");
    }
}
