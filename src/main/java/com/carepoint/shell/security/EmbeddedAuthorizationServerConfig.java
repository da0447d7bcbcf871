package com.carepoint.shell.security;

import com.carepoint.platform.SecurityHeaders;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Carepoint's embedded OpenID Connect provider (Spring Authorization Server), on by default so that one command
 * runs the whole product. It signs in the configured demo users and issues ID tokens carrying the same claims a
 * CIS2-style provider would: role, organisation (ODS code, name, type), SDS user id and role profile id.
 *
 * <p>Its sign-in lives in the same HTTP session as Carepoint's but under its own keys (security context and saved
 * request), so the two never overwrite each other; logging out of Carepoint invalidates the session and with it
 * the embedded provider's sign-in.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AuthMode.Embedded.class)
public class EmbeddedAuthorizationServerConfig {

    public static final String IDP_LOGIN_PATH = "/idp/login";
    static final String IDP_SECURITY_CONTEXT_KEY = "CAREPOINT_IDP_SECURITY_CONTEXT";
    static final String IDP_SAVED_REQUEST_KEY = "CAREPOINT_IDP_SAVED_REQUEST";
    private static final String CALLBACK_PATH = "/login/oauth2/code/" + SecurityConfig.REGISTRATION_ID;

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(as.getEndpointsMatcher());
            as.oidc(oidc -> { })
                    .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(
                            providers -> providers.forEach(EmbeddedAuthorizationServerConfig::acceptSameOriginCallback)));
        });
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
        isolateSession(http);
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint(IDP_LOGIN_PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain identityProviderLoginChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher("/idp/**");
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        isolateSession(http);
        http.formLogin(form -> form.loginPage(IDP_LOGIN_PATH).loginProcessingUrl(IDP_LOGIN_PATH)
                .failureHandler(throttle.failureHandler())
                .successHandler(throttledSuccess(throttle)));
        http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    SignInThrottle signInThrottle() {
        return new SignInThrottle(IDP_LOGIN_PATH);
    }

    /** A successful sign-in clears its account's failed attempts, then continues to where the user was going. */
    private static AuthenticationSuccessHandler throttledSuccess(SignInThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName(IDP_SAVED_REQUEST_KEY);
        next.setRequestCache(cache);
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName(), request.getRemoteAddr());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static void isolateSession(HttpSecurity http) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(IDP_SECURITY_CONTEXT_KEY);
        http.securityContext(sc -> sc.securityContextRepository(contexts));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName(IDP_SAVED_REQUEST_KEY);
        http.requestCache(rc -> rc.requestCache(cache));
    }

    /**
     * Accepts a redirect to Carepoint's own sign-in callback on the origin the browser is using (localhost, a LAN
     * address, the deployed host name), and nothing else beyond the registered redirect URIs. The authorization code
     * therefore only ever goes back to the origin that asked for it.
     */
    private static void acceptSameOriginCallback(Object provider) {
        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider p) {
            p.setAuthenticationValidator(redirectUriValidator()
                    .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR));
        }
    }

    /** Carepoint's callback on the origin that asked, or else exactly a registered redirect URI. */
    static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirectUriValidator() {
        return ctx -> {
            if (!isSameOriginCallback(ctx)) {
                OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(ctx);
            }
        };
    }

    static boolean isSameOriginCallback(OAuth2AuthorizationCodeRequestAuthenticationContext ctx) {
        OAuth2AuthorizationCodeRequestAuthenticationToken token = ctx.getAuthentication();
        String requested = token.getRedirectUri();
        if (requested == null || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            return false;
        }
        return isSameOriginCallback(requested, attrs.getRequest());
    }

    static boolean isSameOriginCallback(String redirectUri, HttpServletRequest request) {
        try {
            URI uri = URI.create(redirectUri);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return uri.getScheme() != null && uri.getScheme().equals(request.getScheme())
                    && uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort()
                    && (request.getContextPath() + CALLBACK_PATH).equals(uri.getPath())
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The sign-ins in progress and done, in memory (demo users only), safe for concurrent sign-ins. */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new LockedAuthorizationService();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthProperties auth, PasswordEncoder encoder) {
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(auth.clientId())
                .clientSecret(encoder.encode(auth.embedded().clientSecret()))
                .clientName("Carepoint")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // The only registered URI never matches a real request: Carepoint's callback is accepted on the origin
                // that asked (acceptSameOriginCallback). A loopback URI registered here would let the authorization
                // server accept any port on loopback (RFC 8252's rule for native apps), e.g. another local program.
                .redirectUri("https://carepoint.invalid" + CALLBACK_PATH)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(AuthProperties auth, PasswordEncoder encoder) {
        List<User> users = auth.embedded().users().stream()
                .map(u -> (User) User.withUsername(u.username()).password(encoder.encode(u.password()))
                        .roles("DEMO_USER").build())
                .toList();
        return new InMemoryUserDetailsManager(List.copyOf(users));
    }

    /** Puts the demo user's CIS2-style claims into the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(AuthProperties auth) {
        Map<String, AuthProperties.DemoUser> byName = auth.embedded().users().stream()
                .collect(Collectors.toMap(AuthProperties.DemoUser::username, Function.identity()));
        AuthProperties.Claims names = auth.claims();
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            AuthProperties.DemoUser user = byName.get(context.getPrincipal().getName());
            if (user == null) {
                return;
            }
            context.getClaims().claims(c -> {
                c.put("name", user.name());
                c.put("preferred_username", user.username());
                c.put(names.role(), user.role());
                c.put(names.orgOdsCode(), user.orgOdsCode());
                c.put(names.orgName(), user.orgName());
                c.put(names.orgType(), user.orgType());
                c.put(names.sdsUserId(), user.sdsUserId() == null ? "UNK" : user.sdsUserId());
                c.put(names.sdsRoleProfileId(), user.sdsRoleProfileId() == null ? "UNK" : user.sdsRoleProfileId());
            });
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration
                .jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // No fixed issuer: it is the origin the server is reached on, so the random test port works too.
        return AuthorizationServerSettings.builder().build();
    }

    /**
     * Carepoint as a client of its own embedded provider. The browser is sent to a relative authorization URI, so
     * it stays on whichever origin it is using; the back-channel calls go to this server on loopback.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(AuthProperties auth, Environment env) {
        return new LazyClientRegistrationRepository(() -> {
            String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
            String contextPath = env.getProperty("server.servlet.context-path", "");
            String base = "http://localhost:" + port + contextPath;
            return ClientRegistration.withRegistrationId(SecurityConfig.REGISTRATION_ID)
                    .clientId(auth.clientId())
                    .clientSecret(auth.embedded().clientSecret())
                    .clientName("Carepoint demo sign-in")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .authorizationUri(contextPath + "/oauth2/authorize")
                    .tokenUri(base + "/oauth2/token")
                    .jwkSetUri(base + "/oauth2/jwks")
                    .issuerUri(base)
                    .userNameAttributeName("sub")
                    .build();
        });
    }
}
