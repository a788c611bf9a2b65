package com.papertrader.application.trading;

/** A change prepared against an older version of an agent than the one stored: saving it would undo a later change. */
public class StaleAgentVersion extends AgentChangeRefused {

    public StaleAgentVersion(String message) {
        super("form", message);
    }
}
