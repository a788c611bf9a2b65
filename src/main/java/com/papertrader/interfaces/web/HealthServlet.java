package com.papertrader.interfaces.web;

import com.papertrader.infrastructure.persistence.DatabaseDefinition;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Liveness and readiness in one: UP (200) when the database answers, DOWN (503) with the reason otherwise. */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String database;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            if (!connection.getAutoCommit()) {
                connection.rollback(); // end the read: an open one would fail the next write on this pooled connection
            }
            database = "UP";
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Health check: database unavailable: {0}", e.getMessage());
            database = "DOWN";
        }
        boolean up = "UP".equals(database);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":{\"database\":\"" + database + "\"}}");
    }
}
