package com.spurlab.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Profile {@code worker}: the same jar as a node that only runs queued jobs. It answers health
 * checks and nothing else — no UI, no API — ahead of every other filter, security included.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
class WorkerMode {

    /** A worker on the embedded H2 database would run a queue no other node can see: refuse to start. */
    WorkerMode(Environment environment) {
        if (!environment.getProperty("spring.quartz.properties.org.quartz.jobStore.isClustered", Boolean.class,
                false)) {
            throw new IllegalStateException("the worker profile needs a shared, clustered queue: run it with the "
                    + "postgres profile (--spring.profiles.active=postgres,worker)");
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> healthOnly() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("{\"error\":\"worker_node\",\"message\":\"this node runs jobs only; "
                        + "use a node without the worker profile for the UI and API\"}");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
