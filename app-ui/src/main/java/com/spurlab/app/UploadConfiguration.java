package com.spurlab.app;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.storage.StorageSettings;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads: checked before the body is read ({@link UploadPreCheckFilter}, right after authentication),
 * and buffered by the servlet container inside the data folder, where start-up sweeps what a killed
 * process left (the container's own temp folder would keep it forever).
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    /** Spring Security's filter chain runs at order -100; this filter runs right after it. */
    private static final int AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<UploadPreCheckFilter> uploadPreCheck(ProjectAccess access, DatasetService datasets) {
        var registration = new FilterRegistrationBean<>(new UploadPreCheckFilter(access, datasets));
        registration.addUrlPatterns("/api/v1/projects/*");
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, StorageSettings storage) {
        try {
            Files.createDirectories(storage.multipartTemp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + storage.multipartTemp(), e);
        }
        return new MultipartConfigElement(storage.multipartTemp().toString(),
                properties.getMaxFileSize().toBytes(), properties.getMaxRequestSize().toBytes(),
                (int) properties.getFileSizeThreshold().toBytes());
    }
}
