package com.papertrader.application.notification;

/** Where a delivery stands; stored by name. */
public enum DeliveryStatus {
    /** Waiting for its first attempt, or for the next after a failure. */
    PENDING,
    /** Being sent by one server (claimed, so no other sends it too). */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up: every attempt failed, or the receiver refused it for good (a 4xx other than 408 and 429). */
    FAILED
}
