package com.papertrader.application.trading;

import jakarta.ejb.ApplicationException;

/**
 * An admin change the desk will not make, and why, e.g. deleting an agent whose account still holds positions.
 * {@code field} names the form field at fault, or is null when the whole request is.
 */
@ApplicationException
public class AgentChangeRefused extends RuntimeException {

    private final String field;

    public AgentChangeRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
