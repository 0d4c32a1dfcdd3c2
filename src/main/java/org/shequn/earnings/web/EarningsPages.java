package org.shequn.earnings.web;

import org.shequn.earnings.Earnings;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The community's earnings page (管理 → 收入) and the merchant's (我的店铺 → 收入). */
@Controller
class EarningsPages {

    private final Earnings earnings;
    private final java.time.Clock clock;

    EarningsPages(Earnings earnings, java.time.Clock clock) {
        this.earnings = earnings;
        this.clock = clock;
    }

    /** A statement line's state as a word: payout, settleable or pending. */
    static String state(StatementLine line, java.time.Instant now) {
        return line.payout() ? "PAYOUT" : line.settleableFrom() == null || line.settleableFrom().isAfter(now) ? "PENDING" : "SETTLEABLE";
    }

    @GetMapping("/c/{slug}/earnings")
    String community(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                     @RequestParam(required = false) String statement, @RequestParam(required = false) String cursor,
                     Model model) {
        var e = earnings.community(viewer, slug, statement, cursor);
        model.addAttribute("e", e);
        model.addAttribute("now", clock.instant());
        model.addAttribute("moreUrl", e.statement().next() == null ? null
                : "/c/" + slug + "/earnings?statement=" + e.statementOf() + "&cursor=" + e.statement().next() + "#statement");
        return "earnings/community";
    }

    @GetMapping("/shop/earnings")
    String shop(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        var e = earnings.shop(viewer, cursor);
        model.addAttribute("e", e);
        model.addAttribute("now", clock.instant());
        model.addAttribute("moreUrl", e.statement().next() == null ? null
                : "/shop/earnings?cursor=" + e.statement().next() + "#statement");
        return "earnings/shop";
    }
}
