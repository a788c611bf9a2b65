package com.papertrader.it.web;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Whether a page fits the window it is shown in, measured in the page itself (one script, so one consistent DOM even
 * while live updates replace rows): the page does not scroll sideways, and no table is wider than its box or pushes a
 * column out of sight. At a phone's width the tables in {@code .table-scroll} are cards, one per row; the same
 * measures then say that no card and no line of a card is cut off.
 */
final class Layout {

    private static final String PROBLEMS = """
            const problems = [];
            const page = document.documentElement;
            const window_ = page.clientWidth;
            if (page.scrollWidth > window_ + 1) {
                problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px of content in a ' + window_ + ' px window');
            }
            const visible = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
            const text = element => element.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60);
            document.querySelectorAll('table').forEach(table => {
                if (!visible(table)) {
                    return;
                }
                const name = 'table ' + (table.id ? '#' + table.id : (table.className ? '.' + table.className : 'without id'));
                const box = table.closest('.table-scroll') || table.parentElement;
                if (box.scrollWidth > box.clientWidth + 1) {
                    problems.push(name + ' is ' + box.scrollWidth + ' px wide in a box of ' + box.clientWidth
                            + ' px: its last columns are out of sight');
                }
                const right = Math.min(box.getBoundingClientRect().right, window_);
                for (const cell of table.querySelectorAll('th, td')) {
                    if (!visible(cell)) {
                        continue;
                    }
                    if (cell.getBoundingClientRect().right > right + 1) {
                        problems.push(name + ': the cell "' + text(cell) + '" ends past its box, at '
                                + Math.round(cell.getBoundingClientRect().right) + ' px of ' + Math.round(right));
                        break;
                    }
                    if (cell.scrollWidth > cell.clientWidth + 1) {
                        problems.push(name + ': the text of "' + text(cell) + '" overflows its cell ('
                                + cell.scrollWidth + ' px in ' + cell.clientWidth + ')');
                        break;
                    }
                }
            });
            return problems;
            """;

    private Layout() {
    }

    /** What does not fit, in words; empty when the page fits its window. */
    @SuppressWarnings("unchecked")
    static List<String> problems(JavascriptExecutor page) {
        return (List<String>) page.executeScript(PROBLEMS);
    }
}
