package cn.labordispute.security;


import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import java.util.List;
import java.util.Map;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one security frame, denying by default. Five filter chains:
 * <ul>
 * <li>the management endpoints ({@code /actuator/**}): health, liveness and readiness open to the load balancer (their
 * details only to operators), everything else (metrics, Prometheus) to operators and admins over HTTP Basic;</li>
 * <li>the engine REST API ({@code /engine-rest/**}): HTTP Basic, no session; the engine then applies the caller's
 * Camunda authorisations;</li>
 * <li>the Camunda webapps ({@code /camunda/**}): the staff session of the login page, which Tasklist, Cockpit and Admin
 * trust (container-based authentication), so a member of staff logs in once;</li>
 * <li>the party portal ({@code /portal/**}): open to everyone, a case shown only to the session it was granted to;</li>
 * <li>everything else: the staff pages (form login) and the application's API ({@code /api/**}, HTTP Basic or the
 * page session with its CSRF token); a path not declared here is refused.</li>
 * </ul>
 * CSRF, security headers and the session cookie (SameSite, HttpOnly, Secure where configured) come from the framework.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Scripts only from the application itself; inline styles for ECharts and the BPMN viewer; framed only by the
     * application's own pages (the documents page previews a document in a frame).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/*";
    static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider staff,
            AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(staff);
        manager.setAuthenticationEventPublisher(events); // logins and refused logins reach the audit log
        return manager;
    }

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, SecurityResponses responses) throws Exception {
        return http.securityMatcher(paths("/actuator/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"))
                        .permitAll()
                        .anyRequest().hasAnyAuthority(Roles.OPERATORS, Roles.ADMINS))
                .httpBasic(b -> b.realmName("labor-dispute").authenticationEntryPoint(responses.unauthorisedJson()))
                .exceptionHandling(e -> e.authenticationEntryPoint(responses.unauthorisedJson())
                        .accessDeniedHandler(responses.deniedJson()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, SecurityResponses responses) throws Exception {
        return http.securityMatcher(paths("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(post("/engine-rest/task/create")).denyAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("labor-dispute").authenticationEntryPoint(responses.unauthorisedJson()))
                .exceptionHandling(e -> e.authenticationEntryPoint(responses.unauthorisedJson())
                        .accessDeniedHandler(responses.deniedJson()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The Camunda webapps send their own CSP and CSRF header (X-XSRF-TOKEN); Spring adds the rest. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SecurityResponses responses) throws Exception {
        return http.securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(post(WEBAPP_LOGIN)).permitAll()
                        // standalone tasks are off in the engine (every step belongs to a process): refused in words
                        .requestMatchers(post("/camunda/api/engine/engine/{engine}/task/create")).denyAll()
                        .requestMatchers(paths("/camunda/app/**", "/camunda/api/**", "/camunda/lib/**", "/camunda/assets/**",
                                "/camunda/", "/camunda")).authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginProcessingUrl(WEBAPP_LOGIN).successHandler(responses.webappLoggedIn())
                        .failureHandler(responses.webappLoginFailed()))
                .logout(l -> l.logoutRequestMatcher(post(WEBAPP_LOGOUT))
                        .logoutSuccessHandler(responses.loggedOutJson()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(responses.unauthorisedJson(), paths("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(responses.toLoginPage(), paths("/camunda/**"))
                        .defaultAccessDeniedHandlerFor(responses.deniedJson(), paths("/camunda/api/**")))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, SecurityResponses responses) throws Exception {
        return http.securityMatcher(paths("/portal/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrfTokens()))
                .exceptionHandling(e -> e.accessDeniedHandler(responses.portalDenied()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain staff(HttpSecurity http, SecurityResponses responses) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/login", "/denied", "/error", "/css/**", "/js/**", "/vendor/**", "/webjars/**", "/favicon.ico"))
                        .permitAll()
                        .requestMatchers(paths("/policy", "/policy/**", "/api/policy/**"))
                        .hasAnyAuthority(Roles.POLICY_EDITORS, Roles.ADMINS)
                        .requestMatchers(paths("/supervision/personal-data-access", "/api/personal-data-access"))
                        .access(SecurityConfiguration::supervisor)
                        .requestMatchers(paths("/", "/api/**", "/supervision", "/supervision/**", "/cases", "/cases/**", "/counter"))
                        .authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler(responses.pageLoggedIn()).failureHandler(responses.pageLoginFailed()))
                .httpBasic(b -> b.realmName("labor-dispute").authenticationEntryPoint(responses.unauthorisedJson()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?loggedOut"))
                .csrf(c -> c.csrfTokenRepository(csrfTokens()).ignoringRequestMatchers(SecurityResponses::basicAuth))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(responses.unauthorisedJson(), paths("/api/**"))
                        .defaultAuthenticationEntryPointFor(responses.toLoginPage(), request -> true)
                        .accessDeniedHandler(responses.denied()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Paths of the whole application (the webapps and the engine REST API are other servlets than Spring MVC's). */
    static RequestMatcher paths(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        }
        return matchers.length == 1 ? matchers[0] : new OrRequestMatcher(matchers);
    }

    private static RequestMatcher post(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
    }

    /** The session's token, sent back as the form field {@code _csrf} or the header {@code X-CSRF-Token}. */
    private static HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName("X-CSRF-Token");
        return tokens;
    }

    /** A supervisor of an organisation or of the city, or an administrator. */
    private static AuthorizationDecision supervisor(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication a = authentication.get();
        return new AuthorizationDecision(a != null && a.isAuthenticated() && a.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(g -> g.startsWith(Roles.SUPERVISOR.id() + "-") || g.equals(Roles.ADMINS)));
    }

    /** The engine REST API takes the user Spring Security authenticated and applies the Camunda authorisations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setUrlPatterns(List.of("/engine-rest/*"));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Tasklist, Cockpit and Admin take the staff member of the session: one login for the pages and the webapps. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setUrlPatterns(List.of("/camunda/app/*", "/camunda/api/*"));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
