package com.papertrader.interfaces.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is HttpOnly (scripts cannot read it) and SameSite=Strict (other sites' pages cannot send it).
 * Set here rather than in web.xml's cookie-config, whose SameSite attribute WildFly 39 ignores.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Strict");
    }
}
