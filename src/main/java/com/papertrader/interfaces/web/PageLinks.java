package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links of a filtered listing that keep its filter: the previous and next page (null when there is none) and
 * the query string the CSV export links reuse. Paths are application-relative, for {@code th:href="@{${...}}"}.
 */
public record PageLinks(String previous, String next, String query) {

    public static PageLinks of(String path, Map<String, String> filter, Page<?> page) {
        return new PageLinks(
                page.hasPrevious() ? path + "?" + query(filter, page.request().page() - 1, page.request().size()) : null,
                page.hasNext() ? path + "?" + query(filter, page.request().page() + 1, page.request().size()) : null,
                encode(filter));
    }

    private static String query(Map<String, String> filter, int page, int size) {
        Map<String, String> parameters = new LinkedHashMap<>(filter);
        parameters.put("page", Integer.toString(page));
        parameters.put("size", Integer.toString(size));
        return encode(parameters);
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
