package com.papertrader.infrastructure.persistence;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * Finds the transaction manager on WildFly or Payara, so the Hibernate bundled in the WAR joins the server's
 * JTA transactions on both without a per-server build.
 */
public class PortableJtaPlatform extends AbstractJtaPlatform {

    private static final List<String> TRANSACTION_MANAGERS =
            List.of("java:jboss/TransactionManager", "java:appserver/TransactionManager");
    private static final List<String> USER_TRANSACTIONS =
            List.of("java:comp/UserTransaction", "java:jboss/UserTransaction");

    @Override
    protected TransactionManager locateTransactionManager() {
        return (TransactionManager) locateFirst(TRANSACTION_MANAGERS);
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) locateFirst(USER_TRANSACTIONS);
    }

    private Object locateFirst(List<String> names) {
        for (String name : names) {
            try {
                Object found = jndiService().locate(name);
                if (found != null) {
                    return found;
                }
            } catch (JndiException notOnThisServer) {
                // try the next server's name
            }
        }
        throw new JndiException("None of " + names + " is bound on this server", null);
    }
}
