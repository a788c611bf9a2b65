package com.papertrader.it.polygon;

import com.papertrader.application.ingest.BarsIngested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the BarsIngested events the container delivers, as the broker and the scanner do. */
@ApplicationScoped
public class IngestedBarsRecorder {

    private final List<BarsIngested> events = new CopyOnWriteArrayList<>();

    void on(@Observes BarsIngested event) {
        events.add(event);
    }

    public List<BarsIngested> events() {
        return List.copyOf(events);
    }
}
