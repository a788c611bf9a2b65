package com.papertrader.interfaces.web.security;

import com.papertrader.application.security.Credentials;
import com.papertrader.application.settings.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.List;
import java.util.logging.Logger;

/**
 * The two logins from the configuration: the administrator ({@code admin.username}, {@code admin.password-hash}), in
 * roles admin and viewer, and the viewer ({@code viewer.username}, {@code viewer.password-hash}), in role viewer.
 */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredIdentityStore.class.getName());

    @Inject
    SecuritySettings settings;

    /** Says at start-up who can log in, and how to make it possible; never the password or its hash. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Credentials admin = settings.admin();
        Credentials viewer = settings.viewer();
        if (admin.canLogIn()) {
            LOG.info(() -> "Admin login enabled for '" + admin.username() + "'");
        } else {
            LOG.warning("No admin password is configured: the application is read-only and nobody can change anything. "
                    + "Make a hash with `java -cp <classes> com.papertrader.application.security.PasswordHash` "
                    + "and set it as ADMIN_PASSWORD_HASH (admin.password-hash), or set ADMIN_PASSWORD in the environment.");
        }
        if (viewer.canLogIn()) {
            LOG.info(() -> "Viewer login (read-only) enabled for '" + viewer.username() + "'");
        } else {
            LOG.info("Viewer login disabled: set VIEWER_PASSWORD_HASH (viewer.password-hash) or VIEWER_PASSWORD to enable it.");
        }
        if (settings.readRequiresLogin() && !admin.canLogIn() && !viewer.canLogIn()) {
            LOG.warning(SecuritySettings.READ_REQUIRES_LOGIN + " is true but neither an admin nor a viewer password is configured: "
                    + "nobody can read any page.");
        }
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            return Credentials.authenticate(login.getCaller(), login.getPassword().getValue(),
                            List.of(settings.admin(), settings.viewer()))
                    .map(found -> new CredentialValidationResult(found.username(), found.roles()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
