package com.carepoint.shell.security;

import java.util.function.Supplier;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Builds the single client registration on first use: the embedded provider's endpoints need the port the server
 * really listens on (random in tests), and an external provider's discovery document should not be needed to start.
 * A failed build is retried on the next sign-in attempt.
 */
final class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    private final Supplier<ClientRegistration> factory;
    private volatile ClientRegistration registration;

    LazyClientRegistrationRepository(Supplier<ClientRegistration> factory) {
        this.factory = factory;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!SecurityConfig.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration r = registration;
        if (r == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = factory.get();
                }
                r = registration;
            }
        }
        return r;
    }
}
