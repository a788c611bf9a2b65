package com.papertrader.application.reporting;

/** A filter or paging parameter a person typed that cannot be read; the message names the parameter and the value. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
