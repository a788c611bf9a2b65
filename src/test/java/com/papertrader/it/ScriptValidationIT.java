package com.papertrader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.scanning.ScriptValidation;
import com.papertrader.domain.agent.AgentDryRun;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.market.Bar;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin form's checks in the container: compile errors with line and column, a dry run over stored bars. */
@ExtendWith(ArquillianExtension.class)
class ScriptValidationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(ScriptValidationIT.class, Deployments.class);
    }

    @Inject
    ScriptValidation validation;

    @Inject
    BarStore bars;

    @PersistenceContext
    EntityManager em;

    @Test
    void syntaxErrorIsReportedWithLineAndColumn() {
        List<ScriptError> errors = validation.compile("function scan(bars, ctx) {\n  var x = ;\n}");

        assertFalse(errors.isEmpty());
        assertEquals(2, errors.get(0).line(), errors.toString());
        assertEquals(11, errors.get(0).column(), "the first error points at the missing expression: " + errors);
    }

    @Test
    void validScriptCompilesClean() {
        assertEquals(List.of(), validation.compile("function scan(bars, ctx) { return null; }"));
    }

    @Test
    void dryRunScansTheLastStoredBarsAndPlacesNoOrder() {
        Instant open = Instant.parse("2026-06-17T13:30:00Z");
        List<Bar> day = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            BigDecimal price = BigDecimal.valueOf(50 + i);
            day.add(new Bar("DRYRUN", open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), price,
                    price.add(BigDecimal.ONE), price, price.add(new BigDecimal("0.5")), BigDecimal.TEN, null, null));
        }
        bars.upsert(day);
        long ordersBefore = em.createQuery("select count(o) from Order o", Long.class).getSingleResult();

        AgentDryRun.Report report = validation.dryRun(
                "function scan(bars, ctx) { if (bars.close(-1) > ctx.params.above) return {action: 'buy', reason: 'above'}; }",
                AgentParameters.of(Map.of("above", 59)), "DRYRUN", 5);

        assertEquals(5, report.steps().size(), "the last five stored bars");
        assertEquals(day.subList(7, 12), report.steps().stream().map(AgentDryRun.Step::bar).toList());
        List<AgentDryRun.Step> signalled = report.eventful();
        assertEquals(3, signalled.size(), "closes 59.5, 60.5 and 61.5 are above 59");
        assertEquals(Signal.Action.BUY, signalled.get(0).result().signals().get(0).action());
        assertEquals(ordersBefore, em.createQuery("select count(o) from Order o", Long.class).getSingleResult());
    }
}
