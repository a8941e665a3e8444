package com.spurlab.core.dataset;

import com.spurlab.core.user.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest archive each role may upload ({@code spurlab.uploads.max-size.VENDOR: 2GB}); a role not
 * named falls back to {@code spurlab.max-upload-bytes}. Checked against the declared length before the
 * body is read, and again while it streams.
 */
@ConfigurationProperties("spurlab.uploads")
public record UploadLimits(@DefaultValue Map<Role, DataSize> maxSize) {

    public long maxBytes(Role role, long fallback) {
        DataSize size = maxSize == null ? null : maxSize.get(role);
        return size == null ? fallback : Math.min(size.toBytes(), fallback);
    }
}
