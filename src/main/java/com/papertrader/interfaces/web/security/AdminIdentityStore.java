package com.papertrader.interfaces.web.security;

import com.papertrader.application.Settings;
import com.papertrader.application.security.AdminCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/** The administrator from the configuration ({@code admin.username}, {@code admin.password-hash}), in role admin. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

    @Inject
    Settings settings;

    /** Says at start-up whether anyone can log in, and how to make it possible. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        AdminCredentials admin = settings.admin();
        if (admin.canLogIn()) {
            LOG.info(() -> "Admin login enabled for '" + admin.username() + "'");
        } else {
            LOG.warning("No admin password is configured: the application is read-only and nobody can log in. "
                    + "Make a hash with `java -cp <classes> com.papertrader.application.security.PasswordHash` "
                    + "and set it as ADMIN_PASSWORD_HASH (admin.password-hash), or set ADMIN_PASSWORD in the environment.");
        }
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && settings.admin().verify(login.getCaller(), login.getPassword().getValue())) {
            return new CredentialValidationResult(login.getCaller(), Set.of(AdminCredentials.ADMIN_ROLE));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
