package com.spurlab.app;

import com.spurlab.core.user.ApiTokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with an API token. The token's user is read on every
 * request, so revoking the token or disabling the user takes effect at once.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AuthenticationEntryPoint unauthorized;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var auth = tokens.authenticate(header.substring(7).strip());
            if (auth.isEmpty()) {
                unauthorized.commence(request, response,
                        new BadCredentialsException("unknown, expired or revoked API token"));
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth.get());
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
