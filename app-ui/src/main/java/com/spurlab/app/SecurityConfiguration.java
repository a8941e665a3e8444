package com.spurlab.app;

import com.spurlab.core.user.ApiTokenService;
import com.spurlab.core.user.LoginThrottle;
import com.spurlab.core.user.SignInSettings;
import com.spurlab.core.user.UserService;
import com.spurlab.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Two filter chains: the HTTP API (stateless; Bearer API token or HTTP Basic; JSON errors) and the
 * Vaadin UI (form login with CSRF). Both share one password check (throttled, briefly cached) and the
 * same response headers. Role rules themselves live in the services, so both paths enforce the same.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * What Vaadin 24 needs to run: its bootstrap and {@code executeJs} use inline scripts and
     * {@code Function}, Lumo sets inline styles, icons are data: URLs; everything else is this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    VerifiedCredentials verifiedCredentials(SignInSettings settings, Clock clock) {
        return new VerifiedCredentials(settings.verifiedFor(), clock);
    }

    @Bean
    AuthenticationManager authenticationManager(UserService users, PasswordEncoder encoder, LoginThrottle throttle,
                                                VerifiedCredentials verified) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new PasswordAuthenticationProvider(bcrypt, users, throttle, verified));
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry when sessions end, so it does not keep them forever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    AccessRevocation accessRevocation(SessionRegistry sessions, VerifiedCredentials verified) {
        return new AccessRevocation(sessions, verified);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, AuthenticationManager manager)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                JsonErrors.write(response, 429, "too_many_failed_sign_ins", throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"SpurLab\"");
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                    "send an API token (Authorization: Bearer ...) or HTTP Basic credentials");
        };
        return headers(http).securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/api/openapi/**", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized),
                        BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager manager, RequestUtil vaadinRequests,
                                   SessionRegistry sessions) throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof LoginThrottledException ? "/login?locked" : "/login?error"));
        // Vaadin's own requests carry Vaadin's CSRF token; the login form POST gets Spring's (Vaadin would skip it).
        // Vaadin's configurer first: it names the login view before the form login is set up, else Spring
        // would also generate its own login page.
        return headers(http).authenticationManager(manager)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .formLogin(form -> form.failureHandler(failure))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(expiredSession(vaadinRequests)))
                .build();
    }

    /** A session ended by a disabled account or a new password: Vaadin's client is told so in its own format. */
    private static SessionInformationExpiredStrategy expiredSession(RequestUtil vaadinRequests) {
        return event -> {
            var request = event.getRequest();
            var response = event.getResponse();
            if (vaadinRequests.isFrameworkInternalRequest(request)) {
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("for(;;);[{\"meta\":{\"sessionExpired\":true}}]");
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
        };
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny));
    }
}
