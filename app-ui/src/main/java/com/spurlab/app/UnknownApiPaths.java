package com.spurlab.app;

import com.spurlab.core.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@code /api/v1/...} paths that no controller answers get the API's JSON 404, instead of falling through
 * to Vaadin's catch-all route (which would answer 200 with the UI's HTML).
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    /** After the controllers (order 0), before static resources and Vaadin's forwarding (lowest - 1). */
    private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> JsonErrors.write(response,
                HttpServletResponse.SC_NOT_FOUND, "not_found", NotFoundException.answerFor(request.getMethod(),
                        request.getRequestURI().substring(request.getContextPath().length())));
        return new SimpleUrlHandlerMapping(Map.of("/api/v1/**", notFound), ORDER);
    }
}
