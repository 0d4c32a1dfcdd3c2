package org.shequn.insight.view;

import java.time.LocalDate;
import java.util.List;
import org.shequn.shared.money.Money;

/**
 * Sales per community per week (weeks start on Monday): the communities in order, and per week one cell per community.
 */
public record WeeklySales(List<Column> communities, List<Week> weeks) {

    public record Column(long communityId, String name) {
    }

    public record Week(LocalDate start, List<Cell> cells) {
    }

    public record Cell(long orders, long units, Money amount) {
    }
}
