package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.agent.AgentId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A paper account's id: its agent's id for the agent's own account, or a shared account's name, under the same rule
 * as an agent id (1-63 lower-case letters, digits or dashes, starting with a letter or digit), so it is safe in URLs
 * and log lines.
 */
public record AccountId(String value) {

    /** The rule as a regular expression, for URL patterns and Bean Validation: an agent id's. */
    public static final String PATTERN = AgentId.PATTERN;

    private static final Pattern VALID = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException naming the text when it cannot be an account id */
    public AccountId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("account id '" + value
                    + "' must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    /** The id if the text is one: for looking up what a URL names, where a malformed id is simply not found. */
    public static Optional<AccountId> tryParse(String value) {
        return value != null && VALID.matcher(value).matches() ? Optional.of(new AccountId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
