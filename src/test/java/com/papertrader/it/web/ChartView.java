package com.papertrader.it.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A lightweight-charts chart as it is on the screen, measured in the page in one script: the container's size and its
 * parent's, the box its canvases cover, and how many pixels of the chart's panes have each of the given colours (the
 * candles', the markers', a line's), read back from the canvases with getImageData.
 *
 * @param width        the container's width, border included (CSS px)
 * @param height       the container's height, border included
 * @param parentWidth  the width its parent gives it (the parent's content box)
 * @param canvases     how many canvases the chart drew
 * @param gaps         how far the canvases' box falls short of the container's inner box, side by side:
 *                     {left, top, right, bottom} in CSS px (0 when they fill it)
 * @param pixels       per colour asked for, the pixels of the panes that have it
 * @param ready        the container's data-ready
 * @param error        the container's data-error (a failed load), or null
 */
record ChartView(double width, double height, double parentWidth, int canvases, List<Double> gaps,
                 Map<String, Long> pixels, boolean ready, String error) {

    /**
     * arguments: the container's id, the colours as '#rrggbb'. A pixel counts for a colour when each of its channels is
     * within 24 of it (anti-aliased edges are blends). The panes are the canvases as wide as the widest one and taller
     * than the time axis: the price axis, which repeats the last value in the series' colour, is left out.
     */
    private static final String MEASURE = """
            const [id, colours] = arguments;
            const container = document.getElementById(id);
            if (!container) {
                return null;
            }
            const box = container.getBoundingClientRect();
            const inner = {left: box.left + container.clientLeft, top: box.top + container.clientTop};
            inner.right = inner.left + container.clientWidth;
            inner.bottom = inner.top + container.clientHeight;
            const parent = container.parentElement;
            const parentStyle = getComputedStyle(parent);
            const parentWidth = parent.clientWidth - parseFloat(parentStyle.paddingLeft) - parseFloat(parentStyle.paddingRight);
            const canvases = Array.from(container.querySelectorAll('canvas')).filter(c => c.width > 0 && c.height > 0);
            const gaps = [inner.right - inner.left, inner.bottom - inner.top, inner.right - inner.left, inner.bottom - inner.top];
            if (canvases.length > 0) {
                const rects = canvases.map(c => c.getBoundingClientRect());
                gaps[0] = Math.min(...rects.map(r => r.left)) - inner.left;
                gaps[1] = Math.min(...rects.map(r => r.top)) - inner.top;
                gaps[2] = inner.right - Math.max(...rects.map(r => r.right));
                gaps[3] = inner.bottom - Math.max(...rects.map(r => r.bottom));
            }
            const widest = Math.max(0, ...canvases.map(c => c.getBoundingClientRect().width));
            const panes = canvases.filter(c => {
                const r = c.getBoundingClientRect();
                return r.width >= widest - 1 && r.height > 60;
            });
            const wanted = colours.map(hex => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
            const counts = colours.map(() => 0);
            for (const canvas of panes) {
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 0; i < data.length; i += 4) {
                    if (data[i + 3] < 200) {
                        continue;
                    }
                    for (let k = 0; k < wanted.length; k++) {
                        const w = wanted[k];
                        if (Math.abs(data[i] - w[0]) <= 24 && Math.abs(data[i + 1] - w[1]) <= 24 && Math.abs(data[i + 2] - w[2]) <= 24) {
                            counts[k]++;
                        }
                    }
                }
            }
            return {width: box.width, height: box.height, parentWidth: parentWidth,
                    canvases: canvases.length, gaps: gaps, counts: counts,
                    ready: container.dataset.ready === 'true', error: container.dataset.error || null};
            """;

    /** The chart in the container with this id, counting the pixels of these colours ('#rrggbb'); null without it. */
    @SuppressWarnings("unchecked")
    static ChartView measure(JavascriptExecutor page, String id, String... colours) {
        Map<String, Object> m = (Map<String, Object>) page.executeScript(MEASURE, id, List.of(colours));
        if (m == null) {
            return null;
        }
        Map<String, Long> pixels = new LinkedHashMap<>();
        List<Object> counts = (List<Object>) m.get("counts");
        for (int i = 0; i < colours.length; i++) {
            pixels.put(colours[i], ((Number) counts.get(i)).longValue());
        }
        List<Double> gaps = new ArrayList<>();
        for (Object gap : (List<Object>) m.get("gaps")) {
            gaps.add(((Number) gap).doubleValue());
        }
        return new ChartView(number(m.get("width")), number(m.get("height")), number(m.get("parentWidth")),
                ((Number) m.get("canvases")).intValue(), gaps, pixels, Boolean.TRUE.equals(m.get("ready")), (String) m.get("error"));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Whether the canvases cover the container's inner box, each side within 3 px. */
    boolean canvasesFill() {
        return canvases > 0 && gaps.stream().allMatch(gap -> Math.abs(gap) <= 3);
    }

    /** Whether the container is at least this high and as wide as its parent lets it be (within 3 px). */
    boolean sized(double minHeight) {
        return height >= minHeight && width >= parentWidth - 3;
    }

    /** Pixels of a colour asked for. */
    long pixelsOf(String colour) {
        return pixels.getOrDefault(colour, 0L);
    }
}
