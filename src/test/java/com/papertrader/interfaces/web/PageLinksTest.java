package com.papertrader.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    @Test
    void pageLinksKeepTheFilterEncoded() {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("agent", "sma-crossover");
        filter.put("ticker", "BRK.B");
        filter.put("status", "A&B");
        Page<String> middle = Page.of(List.of("a", "b", "c"), new PageRequest(2, 2));

        PageLinks links = PageLinks.of("/orders", filter, middle);

        assertEquals("/orders?agent=sma-crossover&ticker=BRK.B&status=A%26B&page=1&size=2", links.previous());
        assertEquals("/orders?agent=sma-crossover&ticker=BRK.B&status=A%26B&page=3&size=2", links.next());
        assertEquals("agent=sma-crossover&ticker=BRK.B&status=A%26B", links.query());
    }

    @Test
    void theOnlyPageHasNoLinks() {
        PageLinks links = PageLinks.of("/positions", Map.of(), Page.of(List.of("a"), PageRequest.first(50)));
        assertNull(links.previous());
        assertNull(links.next());
        assertEquals("", links.query());
    }
}
