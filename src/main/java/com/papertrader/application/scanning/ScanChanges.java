package com.papertrader.application.scanning;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.ScanRecord;
import java.util.List;

/** What scans changed since they were last saved: scans that produced signals, agents whose state changed. */
public record ScanChanges(List<ScanRecord> records, List<Agent> agents) {

    public static final ScanChanges NONE = new ScanChanges(List.of(), List.of());

    public ScanChanges {
        records = List.copyOf(records);
        agents = List.copyOf(agents);
    }
}
