package com.papertrader.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agent's identity: a short slug that is also the name of its sample file ({@code agents/<id>.js}),
 * so it is safe in URLs, file names and log lines.
 */
@Embeddable
public class AgentId implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The rule as a regular expression: 1-63 lower-case letters, digits or dashes, starting with a letter or digit. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private static final Pattern SLUG = Pattern.compile(PATTERN);

    @Column(name = "id", nullable = false, length = 63)
    private String value;

    protected AgentId() {
        // for JPA
    }

    private AgentId(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException unless the id is 1–63 lowercase letters, digits or dashes, starting with a letter or digit */
    public static AgentId of(String value) {
        Objects.requireNonNull(value, "agent id");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("agent id '" + value
                    + "' must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit");
        }
        return new AgentId(value);
    }

    /** The id if the text is one: for looking up what a URL names, where a malformed id is simply not found. */
    public static Optional<AgentId> tryParse(String value) {
        return value != null && SLUG.matcher(value).matches() ? Optional.of(new AgentId(value)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
