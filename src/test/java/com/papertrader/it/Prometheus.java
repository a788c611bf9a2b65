package com.papertrader.it;

import java.util.HashMap;
import java.util.Map;

/** Reads Prometheus' text format as a scraper does: each sample's series (name and labels) to its value. */
public final class Prometheus {

    private Prometheus() {
    }

    public static Map<String, Double> samples(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }
}
