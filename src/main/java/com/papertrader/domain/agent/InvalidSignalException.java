package com.papertrader.domain.agent;

/** A signal a script returned that cannot become an order; the message says which field is wrong and why. */
public class InvalidSignalException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSignalException(String message) {
        super(message);
    }
}
