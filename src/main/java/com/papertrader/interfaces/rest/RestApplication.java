package com.papertrader.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under /api; pages are servlets. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
