package org.shequn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the application, opened by the person it is for, at 390 px (phone) and 1280 px (desktop): the
 * document is never wider than the window, the console shows no error, the status is the expected one, and a
 * full-page screenshot lands in {@code target/screenshots/every-<name>-phone|desktop.png} for a person to look at.
 * The table below must reach every GET mapping that renders a page and every template that uses the layout, so a
 * new page cannot slip past.
 */
@TestPropertySource(properties = "shequn.operators=" + EveryPageBrowserTest.OPERATOR_EMAIL)
class EveryPageBrowserTest extends BrowserTest {

    static final String OPERATOR_EMAIL = "every-page-operator@example.com";

    /** GET mappings on page controllers that are not pages: fragments, redirects, files and images. */
    static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/notifications/count", "htmx fragment: the unread badge"),
            Map.entry("/notifications/{id}/open", "redirects to what the notification is about"),
            Map.entry("/people/{id}/social", "htmx fragment: the follow panel"),
            Map.entry("/people/{id}/avatar", "image"),
            Map.entry("/c/{slug}/members/suggest", "htmx fragment: mention suggestions"),
            Map.entry("/c/{slug}/stickers/{id}/image", "image"),
            Map.entry("/c/{slug}/checkins/{challengeId}/images/{key}", "image"),
            Map.entry("/c/{slug}/assignments/{assignmentId}/submissions/{submissionId}/images/{key}", "image"),
            Map.entry("/c/{slug}/assignments/{assignmentId}/submissions/{submissionId}/file", "file download"),
            Map.entry("/c/{slug}/invitations/{id}/qr.svg", "image"),
            Map.entry("/payments/{id}/qr.svg", "image: WeChat Pay's code_url as a QR code"),
            Map.entry("/payments/{id}/status", "htmx fragment: the payment's status, polled"),
            Map.entry("/c/{slug}/invitations/{id}/poster.png", "image"),
            Map.entry("/c/{slug}/events/{id}/ticket.svg", "image: the member's ticket as a QR code"),
            Map.entry("/c/{slug}/events/{id}/calendar.ics", "calendar file"),
            Map.entry("/calendar/{token}.ics", "calendar file: the personal feed"),
            Map.entry("/c/{slug}/events/{id}/photos/{photoId}/image", "image: an album photo"),
            Map.entry("/verifications/{id}/evidence", "file download"),
            Map.entry("/login/wechat", "redirects to WeChat (404 when WeChat is not configured)"),
            Map.entry("/login/wechat/callback", "redirect target of WeChat's sign-in"),
            Map.entry("/files/{key}", "file download"),
            Map.entry("/messages/list", "htmx fragment: the conversation list, refreshed live"),
            Map.entry("/messages/to/{accountId}/button", "htmx fragment: the 私信 button on profile and directory pages"));

    /** Who opens a page: each person has a browser context of their own. */
    enum Who { ANONYMOUS, OWNER, MEMBER, OUTSIDER, APPLICANT, OPERATOR }

    /** One row of the table: a page as {@code who} opens it, the mapping and template it stands for. */
    record Visit(String name, Who who, String path, int status, String mapping, String template) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    // no page starts a payment yet (commerce's checkout will): the test-mode page is reached from one started here
    @Autowired
    org.shequn.payment.Payments payments;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyPageFitsAPhoneAndADesktopWithoutConsoleErrors() throws Exception {
        var contexts = new EnumMap<Who, BrowserContext>(Who.class);
        var pages = new EnumMap<Who, Page>(Who.class);
        var problems = new ArrayList<String>();
        var current = new String[] {"setup"};
        try {
            for (var who : Who.values()) {
                var context = visitor(true);
                var page = context.newPage();
                page.onConsoleMessage(m -> {
                    if ("error".equals(m.type()) && !ownStatus(m.text(), current[0])) {
                        problems.add(current[0] + ": console error: " + m.text() + " at " + m.location());
                    }
                });
                page.onPageError(e -> problems.add(current[0] + ": page error: " + e));
                contexts.put(who, context);
                pages.put(who, page);
            }
            var scene = scene(contexts, pages);
            var table = table(scene);
            checkTableCoversEveryPage(table);
            var rawKeys = rawMessageKeys();
            awaitSearchable(pages.get(Who.MEMBER), scene.slug());

            for (var visit : table) {
                var page = pages.get(visit.who());
                for (var phone : new boolean[] {true, false}) {
                    var width = phone ? "phone" : "desktop";
                    current[0] = visit.name() + " (" + width + ", " + visit.path() + ")";
                    page.setViewportSize(phone ? 390 : 1280, phone ? 844 : 800);
                    var response = page.navigate(url(visit.path()));
                    if (response == null || response.status() != visit.status()) {
                        problems.add(current[0] + ": status " + (response == null ? "none" : response.status())
                                + ", expected " + visit.status());
                    }
                    page.waitForLoadState();
                    page.evaluate("() => document.fonts.ready");
                    loaded(page);
                    var overflow = (String) page.evaluate(WIDEST);
                    if (overflow != null) {
                        problems.add(current[0] + ": wider than the window: " + overflow);
                    }
                    var text = (String) page.evaluate("() => document.body.innerText");
                    var key = rawKeys.matcher(text);
                    if (key.find()) {
                        problems.add(current[0] + ": a message key shows instead of its text: " + key.group());
                    }
                    screenshot(page, "every-" + visit.name() + "-" + width);
                }
            }
            // the account menu, open, on a phone: it must fit the window too
            var member = pages.get(Who.MEMBER);
            current[0] = "account-menu (phone)";
            member.setViewportSize(390, 844);
            member.navigate(url("/c/" + scene.slug() + "/posts"));
            member.click("header .account-menu > summary");
            var menuOverflow = (String) member.evaluate(WIDEST);
            if (menuOverflow != null) {
                problems.add(current[0] + ": wider than the window: " + menuOverflow);
            }
            screenshot(member, "every-account-menu-phone");
            current[0] = "done";
        } finally {
            contexts.values().forEach(BrowserContext::close);
        }
        assertThat(problems).as("pages that do not fit or log errors").isEmpty();
    }

    /** Indexing is asynchronous: the search page is visited once it finds the posts. */
    private void awaitSearchable(Page page, String slug) {
        for (int i = 0; i < 20; i++) {
            page.navigate(url("/c/" + slug + "/search?q=%E5%9B%BE%E4%B9%A6%E9%A6%86"));
            if (page.locator(".search-results li").count() > 0) {
                return;
            }
            page.waitForTimeout(500);
        }
    }

    /** The error page's own status shows as a failed resource in the console; that one is expected. */
    private static boolean ownStatus(String text, String visit) {
        return text.startsWith("Failed to load resource: the server responded with a status of 40")
                && (visit.startsWith("error-") || visit.startsWith("forbidden-"));
    }

    /**
     * When the document is wider than the window: the innermost elements whose right edge passes it (outside any
     * scrolling or clipping box), with their size and text, so the message says what to fix.
     */
    static final String WIDEST = """
            () => {
              const w = window.innerWidth;
              const total = document.documentElement.scrollWidth;
              if (total <= w) return null;
              const clipped = e => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o !== 'visible') return true;
                }
                return false;
              };
              const wide = [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > w + 1 && !clipped(e);
              });
              const innermost = wide.filter(e => !wide.some(o => o !== e && e.contains(o)));
              const describe = e => {
                const r = e.getBoundingClientRect();
                const cls = [...e.classList].slice(0, 3).map(c => '.' + c).join('');
                const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls
                  + ' [left ' + Math.round(r.left) + ', right ' + Math.round(r.right) + '] "' + text + '"';
              };
              return 'document ' + total + ' px in ' + w + ' px; ' + innermost.slice(0, 5).map(describe).join('; ');
            }
            """;

    /** What the table refers to: the people, the communities and the things in them. */
    record Scene(String slug, String approvalSlug, long ownerId, long memberId, long articleId, long questionId,
                 long heldId, long sectionId, long announcementId, String inviteCode, long paymentId, long productId,
                 long orderId, long subgroupId, long eventId, String ticket, long pollId, long electionId,
                 long challengeId, long assignmentId) {
    }

    private Scene scene(Map<Who, BrowserContext> contexts, Map<Who, Page> pages) {
        var request = contexts.get(Who.OWNER).request();
        var owner = signUp(contexts.get(Who.OWNER), pages.get(Who.OWNER), "林晓群主");
        var member = signUp(contexts.get(Who.MEMBER), pages.get(Who.MEMBER), "王小明");
        var outsider = signUp(contexts.get(Who.OUTSIDER), pages.get(Who.OUTSIDER), "路过的访客");
        var applicant = signUp(contexts.get(Who.APPLICANT), pages.get(Who.APPLICANT), "想加入的申请人");
        var operator = operator(contexts.get(Who.OPERATOR), pages.get(Who.OPERATOR));
        // people who never open a page act through a request context of their own (no session cookie beside the token)
        var api = playwright.request().newContext();
        var reader = registerThroughApi(api, "张读者");
        var spammer = registerThroughApi(api, "广告号");

        ok(request.put(url("/api/v1/me/profile"), owner.auth().setData(Api.obj(
                "displayName", "林晓群主", "bio", "十年产品经理，喜欢读书和跑步。博客：https://example.com/blog/posts/2024/a-very-long-path-that-never-ends-and-keeps-going",
                "city", "上海", "industry", "互联网", "company", "上海某某网络科技有限公司", "position", "产品总监",
                "education", List.of(Api.obj("school", "复旦大学", "degree", "硕士", "startYear", 2008, "endYear", 2011)),
                "skills", List.of("产品设计", "用户研究", "数据分析"), "interests", List.of("读书", "跑步")))));
        ok(request.post(url("/api/v1/me/avatar"), owner.auth().setMultipart(FormData.create()
                .set("file", new FilePayload("头像.png", "image/png", picture(400, 400, new Color(234, 88, 12)))))));

        var slug = Api.unique("every-");
        var settings = new java.util.LinkedHashMap<>(CommunityFixtures.settings(slug, "OPEN", 40));
        settings.put("name", "产品经理读书会·上海分会");
        createCommunity(request, owner, settings);
        ok(request.post(url("/api/v1/communities/" + slug + "/cover"), owner.auth().setMultipart(FormData.create()
                .set("file", new FilePayload("封面.png", "image/png", picture(1600, 600, new Color(37, 99, 235)))))));
        var approvalSlug = Api.unique("every-apply-");
        createCommunity(request, owner, CommunityFixtures.settings(approvalSlug, "APPROVAL", 40));
        ok(contexts.get(Who.APPLICANT).request().post(url("/api/v1/communities/" + approvalSlug + "/applications"),
                applicant.auth().setData(Map.of("answers", List.of("产品经理，在一家电商公司", "《启示录》")))));

        long sectionId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/sections"), owner.auth().setData(
                Map.of("name", "读书笔记", "description", "读完一本书，写下你的笔记", "icon", "book", "posting", "EVERYONE"))))
                .text()).get("id").asLong();
        ok(request.post(url("/api/v1/communities/" + slug + "/sections"), owner.auth().setData(
                Map.of("name", "问答", "description", "有问题就问", "icon", "question", "posting", "EVERYONE"))));
        ok(request.put(url("/api/v1/communities/" + slug + "/moderation/words"), owner.auth().setData(
                Map.of("words", List.of(Map.of("word", "代购", "mode", "HOLD"), Map.of("word", "赌博", "mode", "BLOCK"))))));

        var memberRequest = contexts.get(Who.MEMBER).request();
        join(memberRequest, member, slug);
        join(api, reader, slug);
        join(api, spammer, slug);

        long articleId = post(request, owner, slug, Api.obj("kind", "ARTICLE", "sectionId", sectionId,
                "title", "《启示录》读书笔记：打造用户喜爱的产品",
                "body", """
                        这本书讲的是**产品经理**如何发现值得做的产品。原文链接：https://example.com/books/inspired/chapters/notes/2024/very-long-unbroken-address-without-any-spaces-at-all-for-testing

                        一个很长的词：Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt

                        - 第一章：产品团队
                        - 第二章：正确的产品
                        """,
                "tags", List.of("读书", "产品")));
        ok(request.put(url("/api/v1/communities/" + slug + "/posts/" + articleId), owner.auth().setData(Api.obj(
                "kind", "ARTICLE", "sectionId", sectionId, "title", "《启示录》读书笔记：打造用户喜爱的产品（修订）",
                "body", "修订后：这本书讲的是**产品经理**如何发现值得做的产品。原文链接：https://example.com/books/inspired/chapters/notes/2024/very-long-unbroken-address-without-any-spaces-at-all-for-testing\n\n一个很长的词：Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt",
                "tags", List.of("读书", "产品")))));
        ok(request.put(url("/api/v1/communities/" + slug + "/posts/" + articleId + "/featured"), owner.auth()));
        long discussionId = post(memberRequest, member, slug, Api.obj("kind", "DISCUSSION",
                "body", "周末有人一起去图书馆吗？上午十点，静安区图书馆门口见。", "tags", List.of("活动")));
        ok(request.put(url("/api/v1/communities/" + slug + "/posts/" + discussionId + "/pin"), owner.auth()));
        long questionId = post(memberRequest, member, slug, Api.obj("kind", "QUESTION", "title", "新人第一个月该读什么书？",
                "body", "刚转行做产品，想请群主推荐三本入门书。", "addresseeId", owner.id()));
        long heldId = post(memberRequest, member, slug, Api.obj("kind", "DISCUSSION", "body", "可以帮大家代购新书，八折。"));

        var comment = ok(memberRequest.post(url("/api/v1/communities/" + slug + "/posts/" + articleId + "/comments"),
                member.auth().setHeader("Prefer", "return=minimal").setData(Map.of("body", "写得真好！第二章我也很有共鸣。"))));
        long commentId = Long.parseLong(comment.headers().get("x-comment-id"));
        ok(request.post(url("/api/v1/communities/" + slug + "/posts/" + articleId + "/comments"), owner.auth()
                .setData(Map.of("body", "谢谢！下个月我们一起读《俞军产品方法论》。", "parentId", commentId))));
        ok(request.post(url("/api/v1/communities/" + slug + "/posts/" + questionId + "/comments"), owner.auth()
                .setData(Map.of("body", "推荐《启示录》《用户故事地图》《俞军产品方法论》。"))));
        ok(api.post(url("/api/v1/communities/" + slug + "/reports"), reader.auth()
                .setData(Map.of("postId", discussionId, "reason", "活动地点还没确定，容易误导大家"))));
        ok(api.put(url("/api/v1/communities/" + slug + "/posts/" + articleId + "/reactions/like"), reader.auth()));

        var invitation = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/invitations"), owner.auth()
                .setData(Map.of("expiresInHours", 72, "maxUses", 10)))).text());
        long announcementId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/announcements"), owner.auth()
                .setData(Map.of("title", "本周六读书会改到下午三点", "body", "地点不变，仍在**三楼会议室**。\n\n- 带上本月的书\n- 提前十分钟到")))).text())
                .get("id").asLong();
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long challengeId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/checkins"), owner.auth()
                .setData(Map.of("title", "每日读书 30 分钟", "rules", "读完写**一句话**感想。", "startsOn", today.minusDays(3).toString(),
                        "endsOn", today.plusDays(27).toString(), "frequency", "DAILY", "makeUpQuota", 2)))).text())
                .get("id").asLong();
        ok(request.post(url("/api/v1/communities/" + slug + "/checkins/" + challengeId + "/entries"), owner.auth()
                .setMultipart(FormData.create().set("text", "读完《启示录》第三章，记下了三个问题。")
                        .set("images", new FilePayload("书.png", "image/png", picture(240, 160, new Color(94, 234, 212)))))));
        // an assignment the member handed in (text, a picture, a file), scored, commented on and featured by the owner
        long assignmentId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/assignments"), owner.auth()
                .setData(Api.obj("title", "《启示录》第一章读后感（写 500 字，周日晚上八点前交，名字很长用来测试换行）",
                        "description", "读完第一章，写**500 字**读后感：\n\n- 产品经理做什么\n- 你最认同的一点",
                        "dueAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).withNano(0).toString(),
                        "remindHoursBefore", 12, "acceptsLate", true, "maxScore", 100, "reviewerIds", List.of())))).text())
                .get("id").asLong();
        long submissionId = Api.read(ok(memberRequest.post(url("/api/v1/communities/" + slug + "/assignments/" + assignmentId
                + "/submissions"), member.auth().setMultipart(FormData.create()
                .set("text", "产品经理要发现**值得做**的产品。我最认同：先验证，再开发。")
                .set("images", new FilePayload("笔记.png", "image/png", picture(240, 160, new Color(147, 197, 253))))
                .set("file", new FilePayload("第一章读后感（终稿，含三个问题和一段很长很长的总结）.pdf", "application/pdf", new byte[2048]))))).text())
                .get("id").asLong();
        ok(request.put(url("/api/v1/communities/" + slug + "/assignments/" + assignmentId + "/submissions/" + submissionId
                + "/review"), owner.auth().setData(Api.obj("score", 92, "comment", "抓住了重点，例子再具体一点更好。"))));
        ok(request.put(url("/api/v1/communities/" + slug + "/assignments/" + assignmentId + "/submissions/" + submissionId
                + "/featured"), owner.auth()));
        ok(request.post(url("/api/v1/communities/" + slug + "/sticker-packs"), owner.auth().setMultipart(FormData.create()
                .set("name", "读书猫").set("stickers", new FilePayload("开心.png", "image/png", picture(128, 128, new Color(250, 204, 21))))
                .set("names", "开心"))));

        ok(memberRequest.put(url("/api/v1/people/" + owner.id() + "/follow"), member.auth()));
        ok(request.put(url("/api/v1/people/" + member.id() + "/follow"), owner.auth()));
        ok(api.put(url("/api/v1/people/" + owner.id() + "/follow"), reader.auth()));
        ok(request.put(url("/api/v1/people/" + spammer.id() + "/block"), owner.auth()));
        ok(memberRequest.post(url("/api/v1/me/verifications"), member.auth().setData(Map.of("kind", "REAL_NAME",
                "realName", "王小明", "evidence", "身份证照片已打码，附在工作邮箱里"))));
        assertThat(operator).isNotNull();
        api.dispose();

        // commerce: the owner (real name verified) opens a shop and lists a product; the store sells it; the member orders
        jdbc.sql("update profiles set real_name_verified = true where account_id = ?").param(owner.id()).update();
        ok(request.post(url("/api/v1/shops"), owner.auth().setData(Api.obj("name", "群主的读书小铺", "description",
                "只卖读过的好书。", "contact", "微信 linxiao", "settlement", "招商银行 6225 **** 0001"))));
        var product = Api.read(ok(request.post(url("/api/v1/shops/mine/products"), owner.auth().setData(Api.obj(
                "title", "《启示录》中文版（第二版，附读书会导读手册和一个很长的标题用来测试换行）",
                "description", "**产品经理**的入门书。\n\n- 精装\n- 附导读", "category", "图书", "tags", List.of("读书", "产品"),
                "shipped", true, "commissionBp", 1500, "published", true, "skus", List.of(
                        Api.obj("attributes", Map.of("版本", "精装"), "price", "59.00", "stock", 20),
                        Api.obj("attributes", Map.of("版本", "平装"), "price", "39.00", "stock", 0)))))).text());
        long productId = product.get("id").asLong();
        ok(request.post(url("/api/v1/communities/" + slug + "/store"), owner.auth().setData(Api.obj("productId", productId,
                "recommendation", "读书会这个月读它"))));
        long orderId = Api.read(ok(memberRequest.post(url("/api/v1/orders"), member.auth().setHeader("Idempotency-Key", Api.unique("every-order-"))
                .setData(Api.obj("community", slug, "address", "上海市静安区南京西路 1 号", "lines", List.of(Api.obj(
                        "skuId", product.get("skus").get(0).get("id").asLong(), "quantity", 1, "unitPrice", "59.00"))))))
                .text()).get("id").asLong();
        // a second order, its tags shared, marked paid (payment has its own tests): the insight pages show a sale and a chart
        long paidOrder = Api.read(ok(memberRequest.post(url("/api/v1/orders"), member.auth().setHeader("Idempotency-Key", Api.unique("every-paid-"))
                .setData(Api.obj("community", slug, "address", "上海市静安区南京西路 1 号", "shareTags", true, "lines", List.of(Api.obj(
                        "skuId", product.get("skus").get(0).get("id").asLong(), "quantity", 1, "unitPrice", "59.00"))))))
                .text()).get("id").asLong();
        jdbc.sql("update orders set status = 'PAID', paid_at = created_at where id = ?").param(paidOrder).update();
        // and disputed (written directly: the dispute pages have their own tests), for the operators' disputes page
        jdbc.sql("insert into order_disputes (order_id, reason, status, currency, opened_at) values (?, ?, 'OPEN', 'CNY', ?)")
                .params(paidOrder, "收到的书封面破损，和商家沟通后商家拒绝退款，希望平台介入处理，退回全部货款。",
                        java.time.OffsetDateTime.now()).update();
        // and something in the cart, two of them, so the cart page shows a line, a total and the order form
        ok(memberRequest.post(url("/api/v1/cart/lines"), member.auth().setData(Api.obj("community", slug,
                "skuId", product.get("skus").get(0).get("id").asLong(), "quantity", 2))));
        long paymentId = payments.start(new org.shequn.payment.PaymentRequest("probe:1", org.shequn.shared.money.Money.cny(1990),
                org.shequn.payment.PaymentChannel.Kind.TEST, owner.id(), "测试订单", Api.unique("every-page-"), "/home"))
                .paymentId();
        // a sub-group led by the member, with a long name, for the sub-group pages
        long subgroupId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/subgroups"), owner.auth()
                .setData(Api.obj("name", "上海·静安读书小组（周三晚上线下）", "basis", "上海", "cap", 12, "leaderId", member.id()))))
                .text()).get("id").asLong();
        // an event with a speaker and a question; the member holds a seat (the ticket's QR code on the event page)
        var start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).withHour(14)
                .withMinute(0).withSecond(0).withNano(0);
        long eventId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/events"), owner.auth().setData(Api.obj(
                "title", "分享会：从零到一做一款产品（线下 + 线上直播，名字很长用来测试换行）",
                "description", "**林晓**分享她做产品的十年。\n\n- 14:00 签到\n- 14:30 分享\n- 16:00 交流",
                "kind", "BOTH", "start", start.toString(), "end", start.plusHours(3).toString(), "zone", "Asia/Shanghai",
                "place", "上海市静安区南京西路 1 号 三楼会议室", "mapUrl", "https://uri.amap.com/marker?position=121.45,31.23",
                "onlineUrl", "https://meeting.example.com/j/123456789", "speakerId", owner.id(), "capacity", 30,
                "questions", List.of("你想问分享人什么？"), "cancelHours", 24)))).text()).get("id").asLong();
        ok(memberRequest.post(url("/api/v1/communities/" + slug + "/events/" + eventId + "/registration"),
                member.auth().setData(Map.of("answers", List.of("怎么找到第一批用户？")))));
        var ticket = jdbc.sql("select ticket from event_registrations where event_id = ? and account_id = ?")
                .params(eventId, member.id()).query(String.class).single();
        // voting: a poll the member voted in, and an election counted (nominated, voted, closed: the result page)
        var poll = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/polls"), owner.auth().setData(Api.obj(
                "question", "下个月读哪本书？请大家投票，也可以在评论里推荐别的书", "options", List.of("《启示录》", "《俞军产品方法论》", "《用户故事地图》"),
                "maxChoices", 2, "closesAt", java.time.OffsetDateTime.now().plusDays(3).toString(), "results", "ALWAYS")))).text());
        long pollId = poll.get("id").asLong();
        ok(memberRequest.post(url("/api/v1/communities/" + slug + "/polls/" + pollId + "/votes"), member.auth()
                .setData(Api.obj("options", List.of(poll.get("options").get(1).get("id").asLong())))));
        // voting opens in a few seconds (after everyone joined, so they are on the roll); it is closed by hand after
        var votingOpens = java.time.OffsetDateTime.now().plusSeconds(3);
        long electionId = Api.read(ok(request.post(url("/api/v1/communities/" + slug + "/elections"), owner.auth().setData(Api.obj(
                "title", "第一届读书会骨干选举", "details", "选出两位骨干，负责每月的选书和线下活动。", "seats", 2, "termDays", 180,
                "votingOpensAt", votingOpens.toString(),
                "votingClosesAt", java.time.OffsetDateTime.now().plusDays(2).toString())))).text()).get("id").asLong();
        var election = "/api/v1/communities/" + slug + "/elections/" + electionId;
        var nominated = Api.read(ok(memberRequest.post(url(election + "/candidates"), member.auth()
                .setData(Api.obj("statement", "我读书快，愿意每月帮大家选书、整理读书笔记。")))).text());
        long candidate = nominated.get("candidates").get(0).get("id").asLong();
        ok(request.post(url(election + "/candidates"), owner.auth().setData(Api.obj("statement", "我来组织线下活动。"))));
        while (java.time.OffsetDateTime.now().isBefore(votingOpens.plusNanos(100_000_000))) {
            pause(100);
        }
        ok(request.post(url(election + "/ballots"), owner.auth().setData(Api.obj("candidates", List.of(candidate)))));
        ok(memberRequest.post(url(election + "/ballots"), member.auth().setData(Api.obj("candidates", List.of(candidate)))));
        jdbc.sql("update elections set voting_closes_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusSeconds(1), electionId).update();
        return new Scene(slug, approvalSlug, owner.id(), member.id(), articleId, questionId, heldId, sectionId,
                announcementId, invitation.get("code").asString(), paymentId, productId, orderId, subgroupId, eventId, ticket,
                pollId, electionId, challengeId, assignmentId);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configured operator: registered the first time, then signed in through the form. */
    private Account operator(BrowserContext context, Page page) {
        var request = context.request();
        request.post(url("/api/v1/auth/register"), RequestOptions.create()
                .setData(Map.of("email", OPERATOR_EMAIL, "password", PASSWORD, "displayName", "平台运营")));
        var operator = new Account(0, OPERATOR_EMAIL, "");
        logIn(page, operator);
        return operator;
    }

    private List<Visit> table(Scene s) {
        var c = "/c/" + s.slug();
        var post = c + "/posts/" + s.articleId();
        var announcement = c + "/announcements/" + s.announcementId();
        return List.of(
                new Visit("home-anonymous", Who.ANONYMOUS, "/", 200, "/", "home/index"),
                new Visit("home-signed-in", Who.MEMBER, "/home", 200, "/home", "todo/home"),
                new Visit("home-owner", Who.OWNER, "/", 200, "/", "todo/home"),
                new Visit("register", Who.ANONYMOUS, "/register", 200, "/register", "identity/register"),
                new Visit("login", Who.ANONYMOUS, "/login", 200, "/login", "identity/login"),
                new Visit("discover", Who.ANONYMOUS, "/communities", 200, "/communities", "community/discover"),
                new Visit("community-new", Who.OWNER, "/communities/new", 200, "/communities/new", "community/create"),
                new Visit("welcome", Who.MEMBER, "/welcome", 200, "/welcome", "profile/welcome"),
                new Visit("welcome-work", Who.MEMBER, "/welcome/work", 200, "/welcome/work", "profile/welcome"),
                new Visit("welcome-start", Who.MEMBER, "/welcome/start", 200, "/welcome/start", "profile/welcome"),
                new Visit("payment", Who.OWNER, "/payments/" + s.paymentId(), 200, "/payments/{id}", "payment/pay"),
                new Visit("payment-test", Who.OWNER, "/payments/" + s.paymentId() + "/test", 200, "/payments/{id}/test", "payment/test"),
                new Visit("messages", Who.OWNER, "/messages", 200, "/messages", "messaging/index"),
                new Visit("conversation", Who.OWNER, "/messages/" + s.memberId(), 200, "/messages/{accountId}", "messaging/conversation"),
                new Visit("message-settings", Who.MEMBER, "/messages/settings", 200, "/messages/settings", "messaging/settings"),
                new Visit("operator-message-reports", Who.OPERATOR, "/operator/message-reports", 200, "/operator/message-reports", "messaging/reports"),
                new Visit("operator-ledger", Who.OPERATOR, "/operator/ledger", 200, "/operator/ledger", "ledger/operator"),
                new Visit("operator-disputes", Who.OPERATOR, "/operator/disputes", 200, "/operator/disputes", "commerce/disputes"),
                new Visit("my-communities", Who.MEMBER, "/me/communities", 200, "/me/communities", "membership/mine"),
                new Visit("profile-edit", Who.OWNER, "/profile/edit", 200, "/profile/edit", "profile/edit"),
                new Visit("person", Who.MEMBER, "/people/" + s.ownerId(), 200, "/people/{id}", "profile/person"),
                new Visit("person-self", Who.OWNER, "/people/" + s.ownerId(), 200, "/people/{id}", "profile/person"),
                new Visit("friends", Who.OWNER, "/me/friends", 200, "/me/friends", "social/list"),
                new Visit("followers", Who.OWNER, "/me/followers", 200, "/me/followers", "social/list"),
                new Visit("following-people", Who.MEMBER, "/me/following", 200, "/me/following", "social/list"),
                new Visit("blocked", Who.OWNER, "/me/blocked", 200, "/me/blocked", "social/list"),
                new Visit("following-feed", Who.MEMBER, "/following", 200, "/following", "content/following"),
                new Visit("notifications", Who.OWNER, "/notifications", 200, "/notifications", "notification/inbox"),
                new Visit("notification-settings", Who.OWNER, "/notifications/settings", 200, "/notifications/settings", "notification/settings"),
                new Visit("account-settings", Who.OWNER, "/settings/account", 200, "/settings/account", "identity/settings"),
                new Visit("verifications", Who.MEMBER, "/verifications", 200, "/verifications", "profile/verifications"),
                new Visit("operator-verifications", Who.OPERATOR, "/operator/verifications", 200, "/operator/verifications", "profile/review"),
                new Visit("community-outsider", Who.OUTSIDER, c, 200, "/c/{slug}", "community/show"),
                new Visit("about", Who.MEMBER, c + "/about", 200, "/c/{slug}/about", "community/show"),
                new Visit("feed", Who.MEMBER, c + "/posts", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-owner", Who.OWNER, c + "/posts", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-hot", Who.MEMBER, c + "/posts?view=hot", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-featured", Who.MEMBER, c + "/posts?view=featured", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-questions", Who.MEMBER, c + "/posts?view=questions", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-section", Who.MEMBER, c + "/posts?section=" + s.sectionId(), 200, "/c/{slug}/posts", "content/feed"),
                new Visit("feed-tag", Who.MEMBER, c + "/posts?tag=%E8%AF%BB%E4%B9%A6", 200, "/c/{slug}/posts", "content/feed"),
                new Visit("post", Who.MEMBER, post, 200, "/c/{slug}/posts/{id}", "content/post"),
                new Visit("post-owner", Who.OWNER, post, 200, "/c/{slug}/posts/{id}", "content/post"),
                new Visit("post-question", Who.OWNER, c + "/posts/" + s.questionId(), 200, "/c/{slug}/posts/{id}", "content/post"),
                new Visit("post-held", Who.MEMBER, c + "/posts/" + s.heldId(), 200, "/c/{slug}/posts/{id}", "content/post"),
                new Visit("editor-new", Who.MEMBER, c + "/posts/new", 200, "/c/{slug}/posts/new", "content/editor"),
                new Visit("editor-edit", Who.OWNER, post + "/edit", 200, "/c/{slug}/posts/{id}/edit", "content/editor"),
                new Visit("history", Who.OWNER, post + "/history", 200, "/c/{slug}/posts/{id}/history", "content/history"),
                new Visit("sections", Who.OWNER, c + "/sections", 200, "/c/{slug}/sections", "content/sections"),
                new Visit("stickers", Who.OWNER, c + "/stickers", 200, "/c/{slug}/stickers", "reaction/stickers"),
                new Visit("members", Who.MEMBER, c + "/members", 200, "/c/{slug}/members", "directory/index"),
                new Visit("member", Who.MEMBER, c + "/members/" + s.ownerId(), 200, "/c/{slug}/members/{accountId}", "directory/member"),
                new Visit("manage", Who.OWNER, c + "/manage", 200, "/c/{slug}/manage", "membership/manage"),
                new Visit("manage-applications", Who.OWNER, "/c/" + s.approvalSlug() + "/manage", 200, "/c/{slug}/manage", "membership/manage"),
                new Visit("audit", Who.OWNER, c + "/manage/audit", 200, "/c/{slug}/manage/audit", "membership/audit"),
                new Visit("invitations", Who.OWNER, c + "/invitations", 200, "/c/{slug}/invitations", "membership/invitations"),
                new Visit("invitation-landing", Who.OUTSIDER, c + "/join?code=" + s.inviteCode(), 200, "/c/{slug}/join", "membership/join"),
                new Visit("apply", Who.APPLICANT, "/c/" + s.approvalSlug() + "/apply", 200, "/c/{slug}/apply", "membership/apply"),
                new Visit("apply-outsider", Who.OUTSIDER, "/c/" + s.approvalSlug() + "/apply", 200, "/c/{slug}/apply", "membership/apply"),
                new Visit("moderation", Who.OWNER, c + "/moderation", 200, "/c/{slug}/moderation", "moderation/moderation"),
                new Visit("search", Who.MEMBER, c + "/search?q=%E5%9B%BE%E4%B9%A6%E9%A6%86", 200, "/c/{slug}/search", "search/index"),
                new Visit("settings", Who.OWNER, c + "/settings", 200, "/c/{slug}/settings", "community/form"),
                new Visit("entry-settings", Who.OWNER, c + "/manage/entry", 200, "/c/{slug}/manage/entry", "entry/settings"),
                new Visit("entry-page", Who.OUTSIDER, c + "/entry", 200, "/c/{slug}/entry", "entry/page"),
                new Visit("entry-page-member", Who.MEMBER, c + "/entry", 200, "/c/{slug}/entry", "entry/page"),
                new Visit("todo", Who.OWNER, c + "/todo", 200, "/c/{slug}/todo", "todo/community"),
                new Visit("polls", Who.MEMBER, c + "/polls", 200, "/c/{slug}/polls", "voting/polls"),
                new Visit("poll-new", Who.OWNER, c + "/polls/new", 200, "/c/{slug}/polls/new", "voting/poll-form"),
                new Visit("poll", Who.MEMBER, c + "/polls/" + s.pollId(), 200, "/c/{slug}/polls/{id}", "voting/poll"),
                new Visit("elections", Who.MEMBER, c + "/elections", 200, "/c/{slug}/elections", "voting/elections"),
                new Visit("election-new", Who.OWNER, c + "/elections/new", 200, "/c/{slug}/elections/new", "voting/election-form"),
                new Visit("election", Who.MEMBER, c + "/elections/" + s.electionId(), 200, "/c/{slug}/elections/{id}", "voting/election"),
                new Visit("announcements", Who.MEMBER, c + "/announcements", 200, "/c/{slug}/announcements", "announcement/list"),
                new Visit("checkins", Who.MEMBER, c + "/checkins", 200, "/c/{slug}/checkins", "checkin/list"),
                new Visit("checkin-new", Who.OWNER, c + "/checkins/new", 200, "/c/{slug}/checkins/new", "checkin/form"),
                new Visit("checkin", Who.MEMBER, c + "/checkins/" + s.challengeId(), 200, "/c/{slug}/checkins/{id}", "checkin/show"),
                new Visit("checkin-owner", Who.OWNER, c + "/checkins/" + s.challengeId(), 200, "/c/{slug}/checkins/{id}", "checkin/show"),
                new Visit("checkin-edit", Who.OWNER, c + "/checkins/" + s.challengeId() + "/edit", 200, "/c/{slug}/checkins/{id}/edit", "checkin/form"),
                new Visit("assignments", Who.MEMBER, c + "/assignments", 200, "/c/{slug}/assignments", "assignment/list"),
                new Visit("assignment-new", Who.OWNER, c + "/assignments/new", 200, "/c/{slug}/assignments/new", "assignment/form"),
                new Visit("assignment", Who.MEMBER, c + "/assignments/" + s.assignmentId(), 200, "/c/{slug}/assignments/{id}", "assignment/show"),
                new Visit("assignment-owner", Who.OWNER, c + "/assignments/" + s.assignmentId(), 200, "/c/{slug}/assignments/{id}", "assignment/show"),
                new Visit("assignment-edit", Who.OWNER, c + "/assignments/" + s.assignmentId() + "/edit", 200, "/c/{slug}/assignments/{id}/edit", "assignment/form"),
                new Visit("announcement-new", Who.OWNER, c + "/announcements/new", 200, "/c/{slug}/announcements/new", "announcement/form"),
                new Visit("announcement", Who.OWNER, announcement, 200, "/c/{slug}/announcements/{id}", "announcement/show"),
                new Visit("announcement-member", Who.MEMBER, announcement, 200, "/c/{slug}/announcements/{id}", "announcement/show"),
                new Visit("announcement-edit", Who.OWNER, announcement + "/edit", 200, "/c/{slug}/announcements/{id}/edit", "announcement/form"),
                new Visit("events", Who.MEMBER, c + "/events", 200, "/c/{slug}/events", "event/list"),
                new Visit("event-new", Who.OWNER, c + "/events/new", 200, "/c/{slug}/events/new", "event/form"),
                new Visit("event", Who.MEMBER, c + "/events/" + s.eventId(), 200, "/c/{slug}/events/{id}", "event/show"),
                new Visit("event-owner", Who.OWNER, c + "/events/" + s.eventId(), 200, "/c/{slug}/events/{id}", "event/show"),
                new Visit("event-edit", Who.OWNER, c + "/events/" + s.eventId() + "/edit", 200, "/c/{slug}/events/{id}/edit", "event/form"),
                new Visit("event-guests", Who.OWNER, c + "/events/" + s.eventId() + "/registrations", 200, "/c/{slug}/events/{id}/registrations", "event/guests"),
                // not the event's day: the door says so (yellow) and checks nobody in, so both widths see the same
                new Visit("event-door", Who.OWNER, "/tickets/" + s.ticket(), 200, "/tickets/{ticket}", "event/door"),
                new Visit("event-ticket-own", Who.MEMBER, "/tickets/" + s.ticket(), 200, "/tickets/{ticket}", "event/door"),
                new Visit("mall", Who.MEMBER, "/mall?q=%E5%90%AF%E7%A4%BA%E5%BD%95", 200, "/mall", "commerce/mall"),
                new Visit("mall-product", Who.OWNER, "/mall/products/" + s.productId(), 200, "/mall/products/{id}", "commerce/product"),
                new Visit("shop", Who.OWNER, "/shop", 200, "/shop", "commerce/shop"),
                new Visit("shop-open", Who.OUTSIDER, "/shop", 200, "/shop", "commerce/shop"),
                new Visit("product-new", Who.OWNER, "/shop/products/new", 200, "/shop/products/new", "commerce/product-form"),
                new Visit("product-edit", Who.OWNER, "/shop/products/" + s.productId() + "/edit", 200, "/shop/products/{id}/edit", "commerce/product-form"),
                new Visit("shop-orders", Who.OWNER, "/shop/orders", 200, "/shop/orders", "commerce/orders"),
                new Visit("shop-earnings", Who.OWNER, "/shop/earnings", 200, "/shop/earnings", "earnings/shop"),
                new Visit("groups", Who.MEMBER, c + "/groups", 200, "/c/{slug}/groups", "subgroup/list"),
                new Visit("groups-owner", Who.OWNER, c + "/groups", 200, "/c/{slug}/groups", "subgroup/list"),
                new Visit("group", Who.MEMBER, c + "/groups/" + s.subgroupId(), 200, "/c/{slug}/groups/{id:\\d+}", "subgroup/show"),
                new Visit("group-owner", Who.OWNER, c + "/groups/" + s.subgroupId(), 200, "/c/{slug}/groups/{id:\\d+}", "subgroup/show"),
                new Visit("group-split", Who.OWNER, c + "/groups/split?size=2&basis=MIXED", 200, "/c/{slug}/groups/split", "subgroup/split"),
                new Visit("store", Who.MEMBER, c + "/store", 200, "/c/{slug}/store", "commerce/store"),
                new Visit("store-owner", Who.OWNER, c + "/store", 200, "/c/{slug}/store", "commerce/store"),
                new Visit("orders", Who.MEMBER, "/orders", 200, "/orders", "commerce/orders"),
                new Visit("cart", Who.MEMBER, "/cart", 200, "/cart", "commerce/cart"),
                new Visit("cart-empty", Who.OWNER, "/cart", 200, "/cart", "commerce/cart"),
                new Visit("order", Who.MEMBER, "/orders/" + s.orderId(), 200, "/orders/{id}", "commerce/order"),
                new Visit("order-merchant", Who.OWNER, "/orders/" + s.orderId(), 200, "/orders/{id}", "commerce/order"),
                new Visit("sales", Who.OWNER, c + "/sales", 200, "/c/{slug}/sales", "commerce/orders"),
                new Visit("shop-insight", Who.OWNER, "/shop/insight", 200, "/shop/insight", "insight/shop"),
                new Visit("product-insight", Who.OWNER, "/shop/products/" + s.productId() + "/insight", 200, "/shop/products/{id}/insight", "insight/shop"),
                new Visit("product-matches", Who.OWNER, c + "/manage/matches", 200, "/c/{slug}/manage/matches", "insight/matches"),
                new Visit("earnings", Who.OWNER, c + "/earnings", 200, "/c/{slug}/earnings", "earnings/community"),
                new Visit("error-404", Who.MEMBER, "/c/no-such-community-here/posts", 404, "/error", "error/page"),
                new Visit("forbidden-403", Who.MEMBER, c + "/manage/audit", 403, "/error", "error/page"));
    }

    /**
     * The table reaches every GET mapping of the page controllers (less the fragments, files and redirects named in
     * {@link #NOT_PAGES}) and every template that uses the layout.
     */
    private void checkTableCoversEveryPage(List<Visit> table) throws IOException {
        var inTable = table.stream().map(Visit::mapping).collect(Collectors.toSet());
        var missing = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var type = method.getBeanType();
            boolean json = AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                    || method.hasMethodAnnotation(ResponseBody.class);
            var methods = info.getMethodsCondition().getMethods();
            boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
            if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class) || json || !get) {
                return;
            }
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !inTable.contains(pattern) && !NOT_PAGES.containsKey(pattern)) {
                    missing.add(pattern + " (" + type.getSimpleName() + ")");
                }
            }
        });
        assertThat(missing).as("GET pages the table does not visit: add a row, or to NOT_PAGES with a reason").isEmpty();

        var templates = table.stream().map(Visit::template).collect(Collectors.toSet());
        var root = Path.of("src", "main", "jte");
        var layoutPage = Pattern.compile("@template\\.layout\\.page\\(");
        try (var files = Files.walk(root)) {
            var unvisited = files.filter(f -> f.toString().endsWith(".jte"))
                    .filter(f -> layoutPage.matcher(read(f)).find())
                    .map(f -> root.relativize(f).toString().replace('\\', '/').replaceFirst("\\.jte$", ""))
                    .filter(t -> !templates.contains(t))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(unvisited).as("page templates the table does not reach").isEmpty();
        }
    }

    /**
     * A missing message shows as its key ({@code notification.icon.REVIEW}): words made of a bundle key's first part
     * and at least two more dotted parts.
     */
    private static Pattern rawMessageKeys() throws IOException {
        var firsts = new TreeSet<String>();
        try (var bundles = Files.list(Path.of("src", "main", "resources", "i18n"))) {
            for (var bundle : bundles.filter(f -> f.toString().endsWith(".properties")).toList()) {
                var properties = new java.util.Properties();
                try (var in = Files.newBufferedReader(bundle)) {
                    properties.load(in);
                }
                properties.stringPropertyNames().forEach(k -> firsts.add(k.substring(0, Math.max(0, k.indexOf('.')))));
            }
        }
        firsts.remove("");
        return Pattern.compile("\\b(?:" + String.join("|", firsts) + ")(?:\\.[A-Za-z0-9_]+){2,}\\b");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIResponse ok(APIResponse response) {
        assertThat(response.status()).as(response.url() + ": " + response.text()).isBetween(200, 299);
        return response;
    }

    /** A gradient picture of the given size, for avatars, covers and stickers. */
    private static byte[] picture(int width, int height, Color from) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, width, height, new Color(16, 185, 129)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
