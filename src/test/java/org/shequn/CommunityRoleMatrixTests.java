package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Guards who may call what inside a community: every endpoint under {@code /api/v1/communities/{slug}}, for
 * every kind of caller, answers in the one order the gate enforces — 401 not signed in, then 404 no such
 * community (or no such target), then 403 signed in but not allowed (outsider, banned, role too low), then 409
 * a write in an archived community. The table states the rule, not what the code happens to do; a run lists
 * every cell where the code disagrees, all at once.
 *
 * <p>Callers: anonymous, an outsider, a member, a sub-group's leader (a plain member who leads the fixture's group,
 * in a community that goes by sub-group), a core member, an admin, the owner, a banned former member, a
 * member and the owner of an archived community; each endpoint also with an unknown slug, and (where its path
 * names an object) with ids nothing has, as the owner of the live and of the archived community. A "target" is
 * an object the path names; what a use case looks up on its own (the caller's waiting application) is not one.
 *
 * <p>The table is checked against the OpenAPI document the application serves, both ways: a new endpoint
 * under a community fails the build until someone decides here who may call it.
 *
 * <p>"Allowed" means the gate let the caller through: any answer but 401, 403, a 404 saying the community
 * does not exist, a 409 saying it is archived, or a 5xx. Requests are real (ids of objects made in the
 * fixture, valid bodies), so an allowed caller mostly gets a 2xx; a 409 "already a member" or a 400 is
 * the use case speaking after the gate, and fine.
 */
@IntegrationTest
// hundreds of requests: a printout of each would only slow the run
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityRoleMatrixTests {

    static final String BASE = "/api/v1/communities/{slug}";
    static final String UNKNOWN_SLUG = "no-such-community-matrix";
    static final int ALLOWED = 0;
    private static final int O = ALLOWED;
    /** A 404 about the object the path names, not about the community. */
    static final int NO_SUCH_TARGET = -404;
    /** The row names no object in its path: nothing to look up. */
    static final int NOT_APPLICABLE = -1;
    /** A 409 about the caller's own state (not the archive's), e.g. leaving a community one is not in. */
    static final int STATE_CONFLICT = -409;
    /** Ids no object has; one per call, so that a call that wrongly creates something cannot feed the next. */
    static final AtomicLong UNKNOWN_IDS = new AtomicLong(999_000_000L);
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /**
     * The columns. Archived callers are a member and the owner of a second, archived community. The last two
     * name an object that does not exist (ids in the path), as the owner, who may call everything: the missing
     * target's 404 comes after the gate's checks, so an archived community's write is refused with 409 first.
     */
    enum Caller {
        ANONYMOUS, OUTSIDER, MEMBER, LEADER, CORE, ADMIN, OWNER, BANNED, ARCHIVED_MEMBER, ARCHIVED_OWNER,
        UNKNOWN_SLUG_ANONYMOUS, UNKNOWN_SLUG_SIGNED_IN, UNKNOWN_TARGET_OWNER, UNKNOWN_TARGET_ARCHIVED_OWNER;

        boolean archivedSide() {
            return this == ARCHIVED_MEMBER || this == ARCHIVED_OWNER || this == UNKNOWN_TARGET_ARCHIVED_OWNER;
        }

        boolean unknownTarget() {
            return this == UNKNOWN_TARGET_OWNER || this == UNKNOWN_TARGET_ARCHIVED_OWNER;
        }

        boolean unknownSlug() {
            return this == UNKNOWN_SLUG_ANONYMOUS || this == UNKNOWN_SLUG_SIGNED_IN;
        }

        /** Holds a seat in the community it calls into (the unknown-slug caller is the live side's member). */
        boolean seated() {
            return this != ANONYMOUS && this != OUTSIDER && this != BANNED && this != UNKNOWN_SLUG_ANONYMOUS;
        }
    }

    /** A row's expected answer per caller: a status, or ALLOWED. */
    record Answers(String name, Map<Caller, Integer> cells) {
        int of(Caller caller) {
            return cells.get(caller);
        }

        /**
         * The same rule, but a sub-group's leader answers {@code leader}: what a leader runs for their own group
         * when the community goes by sub-group (otherwise a leader is a member like any other).
         */
        Answers leader(int leader) {
            var changed = new EnumMap<>(cells);
            changed.put(Caller.LEADER, leader);
            return new Answers(name + ", and the group's leader", changed);
        }
    }

    static Answers answers(String name, int anonymous, int outsider, int member, int core, int admin, int owner,
                           int banned, int archivedMember, int archivedOwner) {
        var cells = new EnumMap<Caller, Integer>(Caller.class);
        cells.put(Caller.ANONYMOUS, anonymous);
        cells.put(Caller.OUTSIDER, outsider);
        cells.put(Caller.MEMBER, member);
        // a sub-group's leader is a member, but for what they run for their own group (see Answers.leader)
        cells.put(Caller.LEADER, member);
        cells.put(Caller.CORE, core);
        cells.put(Caller.ADMIN, admin);
        cells.put(Caller.OWNER, owner);
        cells.put(Caller.BANNED, banned);
        cells.put(Caller.ARCHIVED_MEMBER, archivedMember);
        cells.put(Caller.ARCHIVED_OWNER, archivedOwner);
        // an unknown community: 401 comes first for anonymous callers, unless the endpoint is open to them
        cells.put(Caller.UNKNOWN_SLUG_ANONYMOUS, anonymous == ALLOWED ? 404 : 401);
        cells.put(Caller.UNKNOWN_SLUG_SIGNED_IN, 404);
        return new Answers(name, cells);
    }

    // The rule has few shapes; each row names one. Columns: anonymous, outsider, member (and a sub-group's leader,
    // unless a row says otherwise), core, admin, owner, banned, then a member and the owner of the archived community.
    /** The community's about page: open to everyone, anonymous visitors included. */
    static final Answers OPEN_TO_ALL = answers("open to all", O, O, O, O, O, O, O, O, O);
    /** The ways in (join, apply, withdraw): open to signed-in outsiders; a ban keeps its account out. */
    static final Answers ENTRY = answers("entry", 401, O, O, O, O, O, 403, 409, 409);
    /** The member directory: a signed-in outsider (a banned account is one now) sees the count and the owner. */
    static final Answers OUTSIDER_VIEW = answers("outsider view", 401, O, O, O, O, O, O, O, O);
    static final Answers MEMBERS_READ = answers("members read", 401, 403, O, O, O, O, 403, O, O);
    static final Answers MEMBERS_WRITE = answers("members write", 401, 403, O, O, O, O, 403, 409, 409);
    static final Answers RUNNERS_READ = answers("runners read", 401, 403, 403, 403, O, O, 403, 403, O);
    static final Answers RUNNERS_WRITE = answers("runners write", 401, 403, 403, 403, O, O, 403, 403, 409);
    /** Taking a picture out of an event's album: whoever added it (the owner, here) or the event's staff. */
    static final Answers PHOTO_REMOVAL = answers("uploader or staff", 401, 403, 403, 403, O, O, 403, 409, 409);
    /** An assignment's reviewers: the owner, admins and its named reviewers (the fixture names the core member). */
    static final Answers REVIEWERS_READ = answers("reviewers read", 401, 403, 403, O, O, O, 403, 403, O);
    static final Answers REVIEWERS_WRITE = answers("reviewers write", 401, 403, 403, O, O, O, 403, 403, 409);
    static final Answers OWNER_WRITE = answers("owner write", 401, 403, 403, 403, 403, O, 403, 403, 409);
    /** What only the owner reads (the entry's coupons), in an archived community too. */
    static final Answers OWNER_READ = answers("owner read", 401, 403, 403, 403, 403, O, 403, 403, O);
    /**
     * Leaving: whoever is not a member (an outsider, a banned account) is told so as a conflict with their state,
     * as leaving twice is, rather than refused; the archive's 409 comes before the owner's "transfer first".
     */
    static final Answers LEAVE = answers("leave", 401, STATE_CONFLICT, O, O, O, O, STATE_CONFLICT, 409, 409);
    /**
     * Asking for one's own entry fee back: whoever has no refundable payment (everyone in the fixture) is told so as a
     * conflict with their own state; a banned account is refused; the archive's 409 comes first for its people.
     */
    static final Answers OWN_REFUND = answers("own refund", 401, STATE_CONFLICT, STATE_CONFLICT, STATE_CONFLICT,
            STATE_CONFLICT, STATE_CONFLICT, 403, 409, 409);
    /** Restoring is the one write an archived community takes, from its owner. */
    static final Answers OWNER_RESTORE = answers("owner restore", 401, 403, 403, 403, 403, O, 403, 403, O);

    record Row(HttpMethod method, String path, Answers answers, Call call, boolean freshCaller) {
        String endpoint() {
            return method.name() + " " + BASE + path;
        }

        /** The path's variables after {@code {slug}}, in order ({@code reaction} is a value, not an object). */
        List<String> variables() {
            var names = new ArrayList<String>();
            VARIABLE.matcher(path).results().forEach(m -> names.add(m.group(1)));
            return names;
        }

        int expected(Caller caller) {
            // a missing target is named after the gate's checks: an archived community refuses a write (409)
            // before the use case looks for what it names; elsewhere the target's 404 comes before any 403
            if (caller.unknownTarget()) {
                if (variables().stream().noneMatch(v -> !v.equals("reaction"))) {
                    return NOT_APPLICABLE;
                }
                return caller == Caller.UNKNOWN_TARGET_ARCHIVED_OWNER && answers.of(Caller.ARCHIVED_OWNER) == 409
                        ? 409 : NO_SUCH_TARGET;
            }
            return answers.of(caller);
        }

        /** Calls as a new account of the same standing: the call changes the caller itself (joins, leaves). */
        Row asFreshCaller() {
            return new Row(method, path, answers, call, true);
        }
    }

    @FunctionalInterface
    interface Call {
        Req make(Ctx c) throws Exception;
    }

    @FunctionalInterface
    interface After {
        void run(MvcResult result) throws Exception;
    }

    static final HttpMethod GET = HttpMethod.GET;
    static final HttpMethod POST = HttpMethod.POST;
    static final HttpMethod PUT = HttpMethod.PUT;
    static final HttpMethod DELETE = HttpMethod.DELETE;

    static Row row(HttpMethod method, String path, Answers answers, Call call) {
        return new Row(method, path, answers, call, false);
    }

    /**
     * The table: one row per endpoint, in the controllers' order. Destructive calls of allowed callers act on
     * targets made for that call ({@code c.allowed() ? c.freshX() : stock}); refused callers aim at a spare.
     */
    static List<Row> table() {
        return List.of(
                // community
                row(GET, "", OPEN_TO_ALL, c -> c.req()),
                row(PUT, "", OWNER_WRITE, c -> c.req().json(settings(c.side.slug))),
                row(POST, "/cover", OWNER_WRITE, c -> c.req().file("file", "cover.png", PNG)),
                row(POST, "/archive", OWNER_WRITE, c -> c.req().after(r -> {
                    if (ok(r) && !c.side.archived) {
                        c.t().restore(c.side);
                    }
                })),
                row(POST, "/restore", OWNER_RESTORE, c -> c.req().after(r -> {
                    if (ok(r) && c.side.archived) {
                        c.t().archive(c.side);
                    }
                })),
                row(POST, "/transfer", OWNER_WRITE, c -> c.req().json(Api.obj("newOwnerId", c.side.admin.id())).after(r -> {
                    if (ok(r)) {
                        c.t().transfer(c.side, c.side.admin, c.side.owner);
                    }
                })),
                // membership
                row(POST, "/join", ENTRY, c -> c.req().json(Api.obj("code", c.side.code))).asFreshCaller(),
                row(POST, "/applications", ENTRY, c -> c.req().json(Api.obj("answers", ANSWERS))).asFreshCaller(),
                row(GET, "/applications", RUNNERS_READ, c -> c.req()),
                row(POST, "/applications/{id}/approve", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshApplication() : c.side.application)),
                row(POST, "/applications/{id}/reject", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshApplication() : c.side.application)
                                .json(Api.obj("reason", "暂时不招新成员"))),
                row(DELETE, "/applications/mine", ENTRY, c -> c.applyFirst().req()).asFreshCaller(),
                row(POST, "/invitations", MEMBERS_WRITE, c -> c.req().json(Api.obj("expiresInHours", 24, "maxUses", 1))),
                row(GET, "/invitations", MEMBERS_READ, c -> c.req()),
                row(DELETE, "/invitations/{id}", MEMBERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshInvitation() : c.side.spareInvitation)),
                row(POST, "/leave", LEAVE, c -> c.req()).asFreshCaller(),
                row(DELETE, "/members/{accountId}", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshMember() : c.side.spareMember.id())),
                row(PUT, "/members/{accountId}/role", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshMember() : c.side.spareMember.id()).json(Api.obj("role", "CORE"))),
                row(PUT, "/bans/{accountId}", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshMember() : c.side.spareMember.id()).json(Api.obj("reason", "发广告"))),
                row(DELETE, "/bans/{accountId}", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshBanned() : c.side.spareBanned.id())),
                row(GET, "/audit", RUNNERS_READ, c -> c.req()),
                // paid entry: the terms are public; the owner sets and stops them; checkout is a way in (the fixture's
                // community is free, so an allowed caller hears "not charging" from the use case); refunds are one's own
                row(GET, "/entry", OPEN_TO_ALL, c -> c.req()),
                row(PUT, "/entry", OWNER_WRITE, c -> c.req().json(Api.obj("feeMinor", 9900, "termDays", 365, "refundHours", 72))
                        .after(r -> {
                            if (ok(r)) {
                                c.t().freeEntry(c.side);
                            }
                        })),
                row(DELETE, "/entry", OWNER_WRITE, c -> c.req()),
                row(POST, "/entry/checkout", ENTRY, c -> c.req().json(Api.obj("channel", "TEST"))),
                row(POST, "/entry/refund", OWN_REFUND, c -> c.req()),
                row(POST, "/entry/trial", ENTRY, c -> c.req()),
                row(POST, "/entry/coupons", OWNER_WRITE,
                        c -> c.req().json(Api.obj("code", Api.unique("M"), "percentOff", 10, "maxUses", 5))),
                row(GET, "/entry/coupons", OWNER_READ, c -> c.req()),
                // sections
                row(GET, "/sections", MEMBERS_READ, c -> c.req()),
                row(POST, "/sections", OWNER_WRITE, c -> c.req().json(section("新书推荐"))),
                row(PUT, "/sections/{id}", OWNER_WRITE, c -> c.req(c.side.section).json(section("读书笔记"))),
                row(DELETE, "/sections/{id}", OWNER_WRITE, c -> c.req(c.allowed() ? c.freshSection() : c.side.spareSection)),
                row(POST, "/sections/{id}/restore", OWNER_WRITE,
                        c -> c.req(c.allowed() ? c.freshArchivedSection() : c.side.archivedSection)),
                row(PUT, "/sections/order", OWNER_WRITE, c -> c.req().json(Api.obj("ids", c.t().sectionsReversed(c.side)))),
                // posts and comments
                row(GET, "/posts", MEMBERS_READ, c -> c.req()),
                row(POST, "/posts", MEMBERS_WRITE, c -> c.req().json(discussion("读完了《启示录》", "第三章最有收获。"))),
                row(GET, "/posts/{id}", MEMBERS_READ, c -> c.req(c.side.post)),
                row(PUT, "/posts/{id}", MEMBERS_WRITE, c -> c.req(c.ownPost()).json(discussion("改过的标题", "改过的正文。"))),
                row(DELETE, "/posts/{id}", MEMBERS_WRITE, c -> c.req(c.allowed() ? c.freshPost() : c.ownPost())),
                row(GET, "/posts/{id}/history", MEMBERS_READ, c -> c.req(c.ownPost())),
                row(POST, "/posts/{id}/comments", MEMBERS_WRITE, c -> c.req(c.side.post).json(Api.obj("body", "同感。"))),
                row(DELETE, "/comments/{id}", MEMBERS_WRITE, c -> c.req(c.allowed() ? c.freshComment() : c.side.spareComment)),
                row(PUT, "/posts/{id}/pin", RUNNERS_WRITE, c -> c.req(c.side.post)),
                row(DELETE, "/posts/{id}/pin", RUNNERS_WRITE, c -> c.req(c.side.post)),
                row(PUT, "/posts/{id}/featured", RUNNERS_WRITE, c -> c.req(c.side.post)),
                row(DELETE, "/posts/{id}/featured", RUNNERS_WRITE, c -> c.req(c.side.post)),
                row(PUT, "/posts/{id}/accepted-answer", MEMBERS_WRITE,
                        c -> c.req(c.question()).json(Api.obj("commentId", c.answer()))),
                row(DELETE, "/posts/{id}/accepted-answer", MEMBERS_WRITE, c -> c.req(c.question())),
                // post media
                row(POST, "/media/images", MEMBERS_WRITE, c -> c.req().file("file", "photo.png", PNG)),
                row(POST, "/media/attachments", MEMBERS_WRITE,
                        c -> c.req().file("file", "书单.txt", "《启示录》\n《人月神话》".getBytes(StandardCharsets.UTF_8))),
                row(GET, "/media/{key}", MEMBERS_READ, c -> c.req(c.side.imageKey)),
                // sticker packs and reactions
                row(GET, "/sticker-packs", MEMBERS_READ, c -> c.req()),
                row(POST, "/sticker-packs", RUNNERS_WRITE,
                        c -> c.req().param("name", "新表情").file("stickers", "nod.png", PNG).param("names", "点头")),
                row(POST, "/sticker-packs/{id}/stickers", RUNNERS_WRITE,
                        c -> c.req(c.side.pack2).file("file", "wave.png", PNG).param("name", "挥手")),
                row(PUT, "/sticker-packs/{id}", RUNNERS_WRITE, c -> c.req(c.side.pack2).json(Api.obj("name", "常用表情"))),
                row(PUT, "/sticker-packs/{id}/archived", RUNNERS_WRITE, c -> c.req(c.side.pack3)),
                row(DELETE, "/sticker-packs/{id}/archived", RUNNERS_WRITE, c -> c.req(c.side.pack3)),
                row(DELETE, "/sticker-packs/{id}", RUNNERS_WRITE, c -> c.req(c.allowed() ? c.freshPack() : c.side.pack3)),
                row(PUT, "/stickers/{id}", RUNNERS_WRITE, c -> c.req(c.side.sticker).json(Api.obj("name", "赞"))),
                row(DELETE, "/stickers/{id}", RUNNERS_WRITE, c -> c.req(c.allowed() ? c.freshSticker() : c.side.spareSticker)),
                row(GET, "/stickers/{id}/image", MEMBERS_READ, c -> c.req(c.side.sticker)),
                row(GET, "/posts/{id}/reactions", MEMBERS_READ, c -> c.req(c.side.post)),
                row(PUT, "/posts/{id}/reactions/{reaction}", MEMBERS_WRITE, c -> c.req(c.side.post, "like")),
                row(DELETE, "/posts/{id}/reactions/{reaction}", MEMBERS_WRITE, c -> c.req(c.side.post, "like")),
                row(PUT, "/posts/{id}/comments/{commentId}/reactions/{reaction}", MEMBERS_WRITE,
                        c -> c.req(c.side.post, c.side.comment, "sticker:" + c.side.sticker)),
                row(DELETE, "/posts/{id}/comments/{commentId}/reactions/{reaction}", MEMBERS_WRITE,
                        c -> c.req(c.side.post, c.side.comment, "sticker:" + c.side.sticker)),
                // @ autocomplete
                row(GET, "/members/suggest", MEMBERS_READ, c -> c.req().param("q", "成")),
                // moderation
                row(POST, "/reports", MEMBERS_WRITE, c -> c.req().json(Api.obj("postId", c.side.sparePost, "reason", "广告"))),
                row(GET, "/reports", RUNNERS_READ, c -> c.req()),
                row(POST, "/reports/{id}/dismiss", RUNNERS_WRITE, c -> c.req(c.allowed() ? c.freshReport() : c.side.report)),
                row(PUT, "/posts/{id}/hidden", RUNNERS_WRITE, c -> c.req(c.side.modPost)),
                row(DELETE, "/posts/{id}/hidden", RUNNERS_WRITE, c -> c.req(c.side.modPost)),
                row(PUT, "/comments/{id}/hidden", RUNNERS_WRITE, c -> c.req(c.side.modComment)),
                row(DELETE, "/comments/{id}/hidden", RUNNERS_WRITE, c -> c.req(c.side.modComment)),
                row(GET, "/mutes", RUNNERS_READ, c -> c.req()),
                row(PUT, "/mutes/{accountId}", RUNNERS_WRITE,
                        c -> c.req(c.side.mutee.id()).json(Api.obj("hours", 1, "reason", "刷屏"))),
                row(DELETE, "/mutes/{accountId}", RUNNERS_WRITE, c -> c.req(c.side.mutee.id())),
                row(GET, "/moderation/words", RUNNERS_READ, c -> c.req()),
                // a word no post of this test contains: the list must not hold back the rows after it
                row(PUT, "/moderation/words", RUNNERS_WRITE,
                        c -> c.req().json(Api.obj("words", List.of(Api.obj("word", "代购", "mode", "HOLD"))))),
                row(GET, "/moderation/held-comments", RUNNERS_READ, c -> c.req()),
                row(GET, "/moderation/audit", RUNNERS_READ, c -> c.req()),
                // the to-do centre: owners and admins, in an archived community too (it only reads)
                row(GET, "/todo", RUNNERS_READ, c -> c.req()),
                // member directory
                row(GET, "/members", OUTSIDER_VIEW, c -> c.req()),
                row(GET, "/members/{accountId}", MEMBERS_READ, c -> c.req(c.side.owner.id())),
                // search and live updates
                row(GET, "/search", MEMBERS_READ, c -> c.req().param("q", "读书")),
                row(GET, "/live", MEMBERS_READ, c -> c.req()),
                // announcements: members read and mark them; the owner and admins publish, see receipts, remind
                row(GET, "/announcements", MEMBERS_READ, c -> c.req()),
                row(POST, "/announcements", RUNNERS_WRITE, c -> c.req().json(announcement("本周活动", "周六下午三点见。"))),
                row(GET, "/announcements/{id}", MEMBERS_READ, c -> c.req(c.side.announcement)),
                row(PUT, "/announcements/{id}", RUNNERS_WRITE,
                        c -> c.req(c.side.announcement).json(announcement("本周活动（改）", "改到周日。"))),
                row(DELETE, "/announcements/{id}", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshAnnouncement() : c.side.announcement)),
                row(POST, "/announcements/{id}/read", MEMBERS_WRITE, c -> c.req(c.side.announcement)),
                row(GET, "/announcements/{id}/receipts", RUNNERS_READ, c -> c.req(c.side.announcement)),
                // the reminder goes once: each allowed caller reminds about an announcement of its own
                row(POST, "/announcements/{id}/reminder", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshAnnouncement() : c.side.announcement)),
                // polls: members read and vote once each; the owner and admins open and close them, and by sub-group
                // a group's leader those of their own group (the leader's call here is for the group they lead)
                row(GET, "/polls", MEMBERS_READ, c -> c.req()),
                row(POST, "/polls", RUNNERS_WRITE.leader(O), c -> c.req().json(c.forLeadersGroup(poll()))),
                row(GET, "/polls/{id}", MEMBERS_READ, c -> c.req(c.side.poll)),
                row(POST, "/polls/{id}/votes", MEMBERS_WRITE,
                        c -> c.req(c.side.poll).json(Api.obj("options", List.of(c.side.pollOption)))),
                row(POST, "/polls/{id}/close", RUNNERS_WRITE.leader(O), c -> c.req(c.allowed() ? c.freshPoll() : c.side.poll)),
                // elections: the owner opens one (a sub-group's leader election: the owner or an admin, never the
                // group's leader; the row's body is the community's); members nominate themselves, accept their
                // nominations, vote once
                row(GET, "/elections", MEMBERS_READ, c -> c.req()),
                row(POST, "/elections", OWNER_WRITE, c -> c.req().json(election())),
                row(GET, "/elections/{id}", MEMBERS_READ, c -> c.req(c.side.election)),
                row(POST, "/elections/{id}/candidates", MEMBERS_WRITE,
                        c -> c.req(c.side.election).json(Api.obj("statement", "我愿意为大家服务。"))),
                // each allowed caller accepts a nomination of its own (made for it by another member)
                row(POST, "/elections/{id}/candidates/{candidateId}/acceptance", MEMBERS_WRITE,
                        c -> c.req(c.side.acceptElection, c.allowed() ? c.nominationFor() : c.side.votingCandidate)
                                .json(Api.obj("statement", "我接受。"))),
                row(POST, "/elections/{id}/ballots", MEMBERS_WRITE,
                        c -> c.req(c.side.votingElection).json(Api.obj("candidates", List.of(c.side.votingCandidate)))),
                // check-in challenges (打卡): members read and check in; the owner and admins set them up, close them,
                // review and feature check-ins
                row(GET, "/checkins", MEMBERS_READ, c -> c.req()),
                // (by sub-group a group's leader sets one up for their own group: the leader's call is for it)
                row(POST, "/checkins", RUNNERS_WRITE.leader(O), c -> c.req().json(c.forLeadersGroup(challenge("晨跑")))),
                row(GET, "/checkins/{challengeId}", MEMBERS_READ, c -> c.req(c.side.challenge)),
                row(PUT, "/checkins/{challengeId}", RUNNERS_WRITE, c -> c.req(c.side.challenge).json(challenge("晨跑（改）"))),
                row(POST, "/checkins/{challengeId}/close", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshChallenge() : c.side.challenge)),
                row(POST, "/checkins/{challengeId}/entries", MEMBERS_WRITE,
                        c -> c.req(c.side.challenge).param("text", "今天跑了五公里").file("images", "run.png", PNG)),
                row(GET, "/checkins/{challengeId}/entries", MEMBERS_READ, c -> c.req(c.side.challenge)),
                row(GET, "/checkins/{challengeId}/featured", MEMBERS_READ, c -> c.req(c.side.challenge)),
                row(GET, "/checkins/{challengeId}/leaderboard", MEMBERS_READ, c -> c.req(c.side.challenge)),
                row(GET, "/checkins/{challengeId}/calendar", MEMBERS_READ, c -> c.req(c.side.challenge)),
                row(GET, "/checkins/{challengeId}/images/{key}", MEMBERS_READ,
                        c -> c.req(c.side.challenge, c.side.checkInImage)),
                row(POST, "/checkins/{challengeId}/entries/{checkInId}/reviews", RUNNERS_WRITE,
                        c -> c.req(c.side.challenge, c.side.checkIn).json(Api.obj("text", "坚持得很好"))),
                row(PUT, "/checkins/{challengeId}/entries/{checkInId}/featured", RUNNERS_WRITE,
                        c -> c.req(c.side.challenge, c.side.checkIn)),
                row(DELETE, "/checkins/{challengeId}/entries/{checkInId}/featured", RUNNERS_WRITE,
                        c -> c.req(c.side.challenge, c.side.checkIn)),
                row(PUT, "/checkins/{challengeId}/mute", MEMBERS_WRITE, c -> c.req(c.side.challenge)),
                row(DELETE, "/checkins/{challengeId}/mute", MEMBERS_WRITE, c -> c.req(c.side.challenge)),
                // the community's store (分销): members see it, its owner and admins choose what it sells
                row(GET, "/store", MEMBERS_READ, c -> c.req()),
                row(POST, "/store", RUNNERS_WRITE,
                        c -> c.req().json(Api.obj("productId", c.t().mallProduct(), "recommendation", "群友都说好"))),
                row(DELETE, "/store/{productId}", RUNNERS_WRITE, c -> c.req(c.t().productInStore(c.side))),
                row(GET, "/sales", RUNNERS_READ, c -> c.req()),
                // insight's mirror view: mall products whose buyers look like the members, for the owner and admins
                row(GET, "/product-matches", RUNNERS_READ, c -> c.req()),
                // the community's money (commission, entry income, sales, joins and renewals): its runners', as its sales are
                row(GET, "/earnings", RUNNERS_READ, c -> c.req()),
                // events: members see and register; the owner and admins plan and decide; staff (here: the owner
                // and admins, no helper is named) read the guest list and check guests in
                row(GET, "/events", MEMBERS_READ, c -> c.req()),
                // (by sub-group a group's leader plans one for their own group: the leader's call is for it)
                row(POST, "/events", RUNNERS_WRITE.leader(O), c -> c.req().json(c.forLeadersGroup(eventDraft("新活动")))),
                row(GET, "/events/{id}", MEMBERS_READ, c -> c.req(c.side.event)),
                row(PUT, "/events/{id}", RUNNERS_WRITE, c -> c.req(c.side.event).json(eventDraft("读书会（改）"))),
                row(POST, "/events/{id}/cancel", RUNNERS_WRITE, c -> c.req(c.allowed() ? c.freshEvent() : c.side.event)),
                row(GET, "/events/{id}/calendar", MEMBERS_READ, c -> c.req(c.side.event)),
                row(POST, "/events/{id}/registration", MEMBERS_WRITE, c -> c.req(c.side.event).json(Api.obj("answers", List.of()))),
                row(DELETE, "/events/{id}/registration", MEMBERS_WRITE, c -> c.req(c.side.event)),
                row(GET, "/events/{id}/registrations", RUNNERS_READ, c -> c.req(c.side.event)),
                row(POST, "/events/{id}/registrations/{registrationId}/approve", RUNNERS_WRITE,
                        c -> c.req(c.side.event, c.side.eventRegistration)),
                row(POST, "/events/{id}/registrations/{registrationId}/refuse", RUNNERS_WRITE,
                        c -> c.req(c.side.event, c.side.eventRegistration)),
                row(POST, "/events/{id}/check-ins", RUNNERS_WRITE, c -> c.req(c.side.event).json(Api.obj("ticket", "no-such-ticket"))),
                row(POST, "/events/{id}/feedback", MEMBERS_WRITE,
                        c -> c.req(c.side.event).json(Api.obj("rating", 5, "comment", "很好"))),
                // the album: nobody attended the fixture's event, so an allowed caller hears it is not theirs yet
                row(GET, "/events/{id}/photos", MEMBERS_READ, c -> c.req(c.side.event)),
                row(POST, "/events/{id}/photos", MEMBERS_WRITE, c -> c.req(c.side.event).file("file", "photo.png", PNG)),
                row(GET, "/events/{id}/photos/{photoId}/image", MEMBERS_READ, c -> c.req(c.side.event, c.side.eventPhoto)),
                // the owner added the fixture's picture; the staff may take it out, another member may not
                row(DELETE, "/events/{id}/photos/{photoId}", PHOTO_REMOVAL,
                        c -> c.req(c.side.event, c.allowed() ? c.freshPhoto() : c.side.eventPhoto)),
                // who interacted with whom (the analytics' reading): the owner's and admins'
                row(GET, "/interactions", RUNNERS_READ, c -> c.req()),
                // the governance mode decides who else runs things: the owner's choice alone
                // (the fixture's community goes by sub-group, and stays so for the rows after)
                row(PUT, "/governance", OWNER_WRITE, c -> c.req().json(Api.obj("mode", "SUBGROUP"))),
                // sub-groups (分群): members see them, the owner and admins make and fill them; by sub-group the group's
                // leader fills their own group too
                row(GET, "/subgroups", MEMBERS_READ, c -> c.req()),
                row(POST, "/subgroups", RUNNERS_WRITE, c -> c.req().json(Api.obj("name", Api.unique("矩阵组")))),
                row(GET, "/subgroups/{id}", MEMBERS_READ, c -> c.req(c.side.subgroup)),
                row(PUT, "/subgroups/{id}", RUNNERS_WRITE, c -> c.req(c.side.subgroup).json(Api.obj("name", "矩阵组"))),
                row(DELETE, "/subgroups/{id}", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshSubgroup() : c.side.subgroup)),
                row(POST, "/subgroups/{id}/members", RUNNERS_WRITE.leader(O),
                        c -> c.req(c.side.subgroup).json(Api.obj("accountId", c.side.spareMember.id()))),
                row(DELETE, "/subgroups/{id}/members/{accountId}", RUNNERS_WRITE.leader(O),
                        c -> c.req(c.side.subgroup, c.side.core.id())),
                row(GET, "/subgroups/split", RUNNERS_READ, c -> c.req().param("size", "2").param("basis", "MIXED")),
                // a sub-group's own feed: members pass the gate; the group's members and the runners see it (404 else)
                row(GET, "/subgroups/{id}/posts", MEMBERS_READ, c -> c.req(c.side.subgroup)),
                // its polls and its leader elections, likewise (the fixture's group has one of each)
                row(GET, "/subgroups/{id}/polls", MEMBERS_READ, c -> c.req(c.side.subgroup)),
                row(GET, "/subgroups/{id}/elections", MEMBERS_READ, c -> c.req(c.side.subgroup)),
                // assignments (作业): members read and hand in; the owner and admins set them; the owner, admins and the
                // named reviewers (here: the core member) score, comment, feature and see who handed in
                row(GET, "/assignments", MEMBERS_READ, c -> c.req()),
                row(POST, "/assignments", RUNNERS_WRITE, c -> c.req().json(assignment("读后感"))),
                row(GET, "/assignments/{assignmentId}", MEMBERS_READ, c -> c.req(c.side.assignment)),
                row(PUT, "/assignments/{assignmentId}", RUNNERS_WRITE, c -> {
                    var edited = assignment("读后感（改）");
                    edited.put("reviewerIds", List.of(c.side.core.id()));
                    return c.req(c.side.assignment).json(edited);
                }),
                row(POST, "/assignments/{assignmentId}/close", RUNNERS_WRITE,
                        c -> c.req(c.allowed() ? c.freshAssignment() : c.side.assignment)),
                row(POST, "/assignments/{assignmentId}/submissions", MEMBERS_WRITE,
                        c -> c.req(c.side.assignment).param("text", "我的读后感").file("images", "page.png", PNG)),
                row(GET, "/assignments/{assignmentId}/submissions/mine", MEMBERS_READ, c -> c.req(c.side.assignment)),
                row(PUT, "/assignments/{assignmentId}/submissions/mine", MEMBERS_WRITE,
                        c -> c.req(c.side.assignment).param("text", "改过的读后感").file("images", "page.png", PNG)),
                row(GET, "/assignments/{assignmentId}/submissions", REVIEWERS_READ, c -> c.req(c.side.assignment)),
                row(GET, "/assignments/{assignmentId}/featured", MEMBERS_READ, c -> c.req(c.side.assignment)),
                row(GET, "/assignments/{assignmentId}/roster", REVIEWERS_READ, c -> c.req(c.side.assignment)),
                // the fixture's submission is featured: every member may see its image and file
                row(GET, "/assignments/{assignmentId}/submissions/{submissionId}/images/{key}", MEMBERS_READ,
                        c -> c.req(c.side.assignment, c.side.submission, c.side.submissionImage)),
                row(GET, "/assignments/{assignmentId}/submissions/{submissionId}/file", MEMBERS_READ,
                        c -> c.req(c.side.assignment, c.side.submission)),
                row(PUT, "/assignments/{assignmentId}/submissions/{submissionId}/review", REVIEWERS_WRITE,
                        c -> c.req(c.side.assignment, c.side.submission).json(Api.obj("score", 90, "comment", "写得好"))),
                row(PUT, "/assignments/{assignmentId}/submissions/{submissionId}/featured", REVIEWERS_WRITE,
                        c -> c.req(c.side.assignment, c.side.submission)),
                row(DELETE, "/assignments/{assignmentId}/submissions/{submissionId}/featured", REVIEWERS_WRITE,
                        c -> c.req(c.side.assignment, c.side.submission)),
                // last of all: applying a split replaces the sub-groups (and their leaders) the rows above use
                row(POST, "/subgroups/split", RUNNERS_WRITE,
                        c -> c.req().json(Api.obj("groups", List.of(Api.obj("name", "全体", "memberIds", List.of()))))));
    }

    /** One request of a row: path values after the slug, and a JSON or multipart body. */
    static final class Req {
        final List<Object> vars;
        Object json;
        final List<MockMultipartFile> files = new ArrayList<>();
        final Map<String, String> params = new LinkedHashMap<>();
        After after = r -> {
        };

        Req(Object... vars) {
            this.vars = List.of(vars);
        }

        Req json(Object body) {
            this.json = body;
            return this;
        }

        Req param(String name, String value) {
            params.put(name, value);
            return this;
        }

        Req file(String field, String name, byte[] bytes) {
            files.add(new MockMultipartFile(field, name, null, bytes));
            return this;
        }

        /** Puts the fixture back when the call changed something others rely on (archive, transfer). */
        Req after(After after) {
            this.after = after;
            return this;
        }
    }

    /** One community and its people and things; the same shape for the live and the archived one. */
    static final class Side {
        boolean archived;
        TestCommunity community;
        String slug;
        long id;
        String code;
        Api.User owner;
        Api.User admin;
        Api.User core;
        Api.User member;
        /** A plain member who leads {@link #subgroup}. */
        Api.User leader;
        Api.User banned;
        Api.User mutee;
        Api.User spareMember;
        Api.User spareBanned;
        long section;
        long spareSection;
        long archivedSection;
        String imageKey;
        long post;
        long comment;
        long spareComment;
        long modPost;
        long modComment;
        long sparePost;
        final Map<Long, Long> ownPosts = new HashMap<>();
        final Map<Long, Long> questions = new HashMap<>();
        final Map<Long, Long> answers = new HashMap<>();
        long pack;
        long sticker;
        long pack2;
        long spareSticker;
        long pack3;
        long application;
        long spareInvitation;
        long report;
        long announcement;
        long subgroup;
        long event;
        long eventRegistration;
        long eventPhoto;
        long poll;
        long pollOption;
        long election;
        long acceptElection;
        long votingElection;
        long votingCandidate;
        long challenge;
        long checkIn;
        String checkInImage;
        long assignment;
        long submission;
        String submissionImage;
    }

    /** A caller's view of the fixture for one call. */
    final class Ctx {
        final Caller caller;
        final Side side;
        final Api.User user;
        final boolean allowed;

        Ctx(Caller caller, Side side, Api.User user, boolean allowed) {
            this.caller = caller;
            this.side = side;
            this.user = user;
            this.allowed = allowed;
        }

        CommunityRoleMatrixTests t() {
            return CommunityRoleMatrixTests.this;
        }

        String slug() {
            return caller.unknownSlug() ? UNKNOWN_SLUG : side.slug;
        }

        Req req(Object... vars) {
            return new Req(vars);
        }

        boolean allowed() {
            return allowed;
        }

        /** Who writes a fresh target "of the caller's own": the caller when it holds a seat, else a member. */
        Api.User author() {
            return caller.seated() && user != null ? user : side.member;
        }

        long ownPost() {
            return user != null && side.ownPosts.containsKey(user.id()) ? side.ownPosts.get(user.id()) : side.sparePost;
        }

        long question() {
            return user != null && side.questions.containsKey(user.id()) ? side.questions.get(user.id())
                    : side.questions.get(side.member.id());
        }

        long answer() {
            return side.answers.get(question());
        }

        /** For withdrawing: the caller applies first, whatever it is told. */
        Ctx applyFirst() throws Exception {
            if (user != null) {
                mvc.perform(withUser(user, json(POST, "/api/v1/communities/" + slug() + "/applications",
                        Api.obj("answers", ANSWERS))));
            }
            return this;
        }

        long freshPost() throws Exception {
            return whileOpen(side, () -> publish(side, author(), discussion("要删的帖子", "很快就删。")));
        }

        long freshComment() throws Exception {
            return whileOpen(side, () -> comment(side, author(), side.post, "要删的评论"));
        }

        long freshInvitation() throws Exception {
            return whileOpen(side, () -> body(send(author(), json(POST, base(side) + "/invitations", Api.obj())))
                    .get("id").asLong());
        }

        long freshMember() throws Exception {
            return side.community.seat("新成员", "MEMBER").id();
        }

        long freshBanned() throws Exception {
            var account = api.register("被封禁者");
            whileOpen(side, () -> {
                ban(side, account);
                return 0L;
            });
            return account.id();
        }

        long freshApplication() throws Exception {
            return whileOpen(side, () -> apply(side, api.register("申请人")));
        }

        long freshSection() throws Exception {
            return whileOpen(side, () -> section(side, "临时版块"));
        }

        long freshArchivedSection() throws Exception {
            return whileOpen(side, () -> {
                long id = section(side, "归档版块");
                send(side.owner, MockMvcRequestBuilders.delete(base(side) + "/sections/" + id));
                return id;
            });
        }

        long freshPack() throws Exception {
            return whileOpen(side, () -> pack(side, "临时表情").get("id").asLong());
        }

        long freshSticker() throws Exception {
            return whileOpen(side, () -> {
                var pack = body(send(side.owner, MockMvcRequestBuilders.multipart(base(side) + "/sticker-packs/" + side.pack2
                        + "/stickers").file(new MockMultipartFile("file", "x.png", null, PNG)).param("name", "临时")));
                return pack.get("stickers").get(pack.get("stickers").size() - 1).get("id").asLong();
            });
        }

        long freshAnnouncement() throws Exception {
            return whileOpen(side, () -> announce(side, "要撤回的公告"));
        }

        long freshSubgroup() throws Exception {
            return whileOpen(side, () -> subgroup(side, Api.unique("要删的组")));
        }

        long freshEvent() throws Exception {
            return whileOpen(side, () -> event(side, "要取消的活动"));
        }

        long freshPhoto() throws Exception {
            return whileOpen(side, () -> eventPhoto(side, side.event));
        }

        /** A draft as is, or for a sub-group's leader, scoped to the group they lead. */
        Map<String, Object> forLeadersGroup(Map<String, Object> draft) {
            if (caller == Caller.LEADER) {
                draft.put("subgroupId", side.subgroup);
            }
            return draft;
        }

        /** A poll to close: for a sub-group's leader, one of the group they lead. */
        long freshPoll() throws Exception {
            var draft = caller == Caller.LEADER ? groupPoll(side.subgroup) : poll();
            return whileOpen(side, () -> body(send(side.owner, json(POST, base(side) + "/polls", draft))).get("id").asLong());
        }

        /** A nomination of the caller by another member, in the side's second election, for the caller to accept. */
        long nominationFor() throws Exception {
            var nominator = user.id() == side.member.id() ? side.owner : side.member;
            var election = body(send(nominator, json(POST, base(side) + "/elections/" + side.acceptElection + "/candidates",
                    Api.obj("accountId", user.id(), "statement", "推荐你。"))));
            for (var candidate : election.get("candidates")) {
                if (candidate.get("accountId").asLong() == user.id()) {
                    return candidate.get("id").asLong();
                }
            }
            throw new IllegalStateException("no nomination for " + user.displayName());
        }

        long freshChallenge() throws Exception {
            return whileOpen(side, () -> body(send(side.owner, json(POST, base(side) + "/checkins", challenge("要结束的挑战"))))
                    .get("id").asLong());
        }

        long freshAssignment() throws Exception {
            return whileOpen(side, () -> body(send(side.owner, json(POST, base(side) + "/assignments", assignment("要关闭的作业"))))
                    .get("id").asLong());
        }

        long freshReport() throws Exception {
            return whileOpen(side, () -> report(side, side.member, publish(side, side.owner, discussion("被举报的帖子", "正文"))));
        }
    }

    @FunctionalInterface
    interface Make<T> {
        T get() throws Exception;
    }

    static final List<String> ANSWERS = List.of("产品经理", "《启示录》");
    static final byte[] PNG = png(64, 64);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    org.shequn.shared.files.FileStore fileStore;

    Api api;
    Side live;
    Side archived;
    Api.User outsider;
    /** The problem details only the gate gives: no such community, and archived (per module). */
    String notFoundDetail;
    Set<String> archivedDetails;

    @BeforeAll
    void fixture() throws Exception {
        api = new Api(mvc);
        notFoundDetail = messages.getMessage("community.notFound", null, Locale.ENGLISH);
        archivedDetails = Set.of(messages.getMessage("community.archived", null, Locale.ENGLISH),
                messages.getMessage("membership.archived", null, Locale.ENGLISH),
                messages.getMessage("content.communityArchived", null, Locale.ENGLISH));
        outsider = api.register("路人");
        live = side(false);
        archived = side(true);
    }

    @Test
    void theTableNamesEveryCommunityEndpointOfTheServedOpenApiDocument() throws Exception {
        var doc = Api.read(mvc.perform(MockMvcRequestBuilders.get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var served = new TreeSet<String>();
        for (var path : doc.get("paths").properties()) {
            if (!path.getKey().equals(BASE) && !path.getKey().startsWith(BASE + "/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(operation.getKey())) {
                    served.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        var listed = new TreeSet<String>();
        table().forEach(row -> assertThat(listed.add(row.endpoint())).as("listed twice: " + row.endpoint()).isTrue());
        var missing = new TreeSet<>(served);
        missing.removeAll(listed);
        var stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(served).as("the document lists community endpoints at all").hasSizeGreaterThan(50);
        assertThat(missing).as("served but not in the role matrix: decide who may call them").isEmpty();
        assertThat(stale).as("in the role matrix but no longer served").isEmpty();
    }

    @Test
    void everyCallerGetsTheAnswerTheRuleGivesOnEveryCommunityEndpoint() throws Exception {
        var disagreements = new ArrayList<String>();
        var matrix = new StringBuilder();
        int cells = 0;
        for (var row : table()) {
            matrix.append(String.format("%-6s %-62s", row.method(), BASE + row.path()));
            for (var caller : Caller.values()) {
                int expected = row.expected(caller);
                if (expected == NOT_APPLICABLE) {
                    matrix.append("   -");
                    continue;
                }
                cells++;
                String actual;
                boolean agrees;
                try {
                    var outcome = call(row, caller, expected);
                    actual = outcome.describe();
                    agrees = agrees(expected, outcome);
                } catch (Exception | AssertionError e) {
                    actual = "setup failed: " + e.getMessage();
                    agrees = false;
                }
                matrix.append(' ').append(actual.length() > 3 ? actual.substring(0, 3) : actual);
                if (!agrees) {
                    disagreements.add(String.format("%-6s %-62s %-29s expected %-23s got %s   [%s]", row.method(),
                            BASE + row.path(), caller, show(expected), actual, row.answers().name()));
                }
            }
            matrix.append('\n');
        }
        // the whole matrix as answered, for whoever makes the code follow the rule
        System.out.println("columns: " + List.of(Caller.values()) + "\n" + matrix);
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + cells + " cells disagree with the rule (401, then 404, then 403, "
                    + "then 409):\n" + String.join("\n", disagreements));
        }
    }

    record Outcome(int status, String detail) {
        String describe() {
            return status + (detail == null ? "" : " (" + detail + ")");
        }
    }

    private Outcome call(Row row, Caller caller, int expected) throws Exception {
        var side = caller.archivedSide() ? archived : live;
        var user = switch (caller) {
            case ANONYMOUS, UNKNOWN_SLUG_ANONYMOUS -> null;
            case OUTSIDER -> outsider;
            case MEMBER, ARCHIVED_MEMBER, UNKNOWN_SLUG_SIGNED_IN -> side.member;
            case LEADER -> side.leader;
            case CORE -> side.core;
            case ADMIN -> side.admin;
            case OWNER, ARCHIVED_OWNER, UNKNOWN_TARGET_OWNER, UNKNOWN_TARGET_ARCHIVED_OWNER -> side.owner;
            case BANNED -> side.banned;
        };
        if (row.freshCaller()) {
            user = freshCaller(caller, side, user);
        }
        var ctx = new Ctx(caller, side, user, expected == ALLOWED);
        var req = row.call().make(ctx);
        var vars = new ArrayList<Object>();
        vars.add(ctx.slug());
        var names = row.variables();
        for (int i = 0; i < req.vars.size(); i++) {
            boolean target = caller.unknownTarget() && !names.get(i).equals("reaction");
            vars.add(!target ? req.vars.get(i) : names.get(i).equals("key") ? "no-such-file" : UNKNOWN_IDS.incrementAndGet());
        }
        AbstractMockHttpServletRequestBuilder<?> request;
        if (!req.files.isEmpty()) {
            var multipart = MockMvcRequestBuilders.multipart(row.method(), BASE + row.path(), vars.toArray());
            req.files.forEach(multipart::file);
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(row.method(), BASE + row.path(), vars.toArray());
            if (req.json != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(req.json));
            }
        }
        for (var param : req.params.entrySet()) {
            request.param(param.getKey(), param.getValue());
        }
        // English details, to tell the gate's 404 and 409 from a target's
        request.header("Accept-Language", "en");
        var result = mvc.perform(withUser(user, request)).andReturn();
        int status = result.getResponse().getStatus();
        String detail = null;
        // a stream that opened keeps writing: its body is read only when it was refused
        if (status >= 400) {
            var content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (content.startsWith("{")) {
                var problem = Api.read(content);
                detail = problem.has("detail") ? problem.get("detail").asString() : null;
            }
        }
        req.after.run(result);
        return new Outcome(status, detail);
    }

    private boolean agrees(int expected, Outcome actual) {
        int status = actual.status();
        if (status >= 500) {
            return false;
        }
        // a bare 404 or 409 (a refused stream) cannot say whose it is: counted as the gate's
        boolean gateNotFound = status == 404 && (actual.detail() == null || actual.detail().equals(notFoundDetail));
        boolean gateArchived = status == 409 && (actual.detail() == null || archivedDetails.contains(actual.detail()));
        // the gate answers before the use case: its 404 and 409 are the community's, not a target's or a state's
        if (expected == NO_SUCH_TARGET) {
            return status == 404 && !gateNotFound;
        }
        if (expected == 404) {
            return gateNotFound;
        }
        if (expected == 409) {
            return gateArchived;
        }
        if (expected == STATE_CONFLICT) {
            return status == 409 && !gateArchived;
        }
        if (expected != ALLOWED) {
            return status == expected;
        }
        // 405 and 415 would mean the row's request is wrong, not that the caller was let through
        return status != 401 && status != 403 && !gateNotFound && !gateArchived && status != 405 && status != 415;
    }

    private static String show(int expected) {
        return switch (expected) {
            case ALLOWED -> "allowed";
            case NO_SUCH_TARGET -> "404 (no such target)";
            case 404 -> "404 (no such community)";
            case 409 -> "409 (archived)";
            case STATE_CONFLICT -> "409 (the caller's state)";
            default -> String.valueOf(expected);
        };
    }

    /** A new account of the caller's standing, for calls that change the caller's own standing. */
    private Api.User freshCaller(Caller caller, Side side, Api.User fixtureUser) throws Exception {
        return switch (caller) {
            case OUTSIDER -> api.register("新路人");
            case MEMBER, ARCHIVED_MEMBER -> seated(side, "MEMBER");
            case LEADER -> {
                // a new group's new leader: the fixture's leader stays in theirs
                var account = seated(side, "MEMBER");
                send(side.owner, json(POST, base(side) + "/subgroups", Api.obj("name", Api.unique("新组"),
                        "leaderId", account.id())));
                yield account;
            }
            case CORE -> seated(side, "CORE");
            case ADMIN -> seated(side, "ADMIN");
            case BANNED -> {
                var account = seated(side, "MEMBER");
                ban(side, account);
                yield account;
            }
            default -> fixtureUser;
        };
    }

    private Api.User seated(Side side, String role) {
        return side.community.seat("新" + role, role);
    }

    // --- the fixture, built through the API as people would -------------------------------------------------

    private Side side(boolean archive) throws Exception {
        var s = new Side();
        s.community = TestCommunity.create(api, jdbc, api.register("群主"), settings(Api.unique("matrix-")));
        s.owner = s.community.owner();
        s.slug = s.community.slug();
        s.id = s.community.id();
        s.code = body(send(s.owner, json(POST, base(s) + "/invitations", Api.obj()))).get("code").asString();
        s.admin = joined(s, "管理员");
        s.core = joined(s, "骨干");
        s.member = joined(s, "成员");
        s.leader = joined(s, "组长");
        s.banned = joined(s, "老成员");
        s.mutee = joined(s, "话多的人");
        s.spareMember = joined(s, "备用成员");
        s.spareBanned = joined(s, "备用封禁");
        send(s.owner, json(PUT, base(s) + "/members/" + s.admin.id() + "/role", Api.obj("role", "ADMIN")));
        send(s.owner, json(PUT, base(s) + "/members/" + s.core.id() + "/role", Api.obj("role", "CORE")));

        s.section = section(s, "读书笔记");
        s.spareSection = section(s, "闲聊");
        s.archivedSection = section(s, "旧版块");
        send(s.owner, MockMvcRequestBuilders.delete(base(s) + "/sections/" + s.archivedSection));

        var image = body(send(s.member, MockMvcRequestBuilders.multipart(base(s) + "/media/images")
                .file(new MockMultipartFile("file", "photo.png", null, PNG))));
        s.imageKey = image.get("key").asString();
        var withImage = discussion("一起读《启示录》", "每周一章。");
        withImage.put("imageIds", List.of(image.get("id").asLong()));
        s.post = publish(s, s.member, withImage);
        s.comment = comment(s, s.member, s.post, "第一章就很有收获。");
        s.spareComment = comment(s, s.member, s.post, "第二章也不错。");
        s.modComment = comment(s, s.member, s.post, "有人要一起吗？");
        s.modPost = publish(s, s.member, discussion("一篇会被隐藏的帖子", "正文"));
        s.sparePost = publish(s, s.member, discussion("备用的帖子", "正文"));
        for (var author : List.of(s.owner, s.admin, s.core, s.member, s.leader, s.banned)) {
            s.ownPosts.put(author.id(), publish(s, author, discussion(author.displayName() + "的帖子", "正文")));
            long question = publish(s, author, Api.obj("kind", "QUESTION", "title", "第三章怎么理解？", "body", "求解答。"));
            s.questions.put(author.id(), question);
            s.answers.put(question, comment(s, author == s.owner ? s.member : s.owner, question, "看作者的例子。"));
        }

        var pack = pack(s, "读书表情");
        s.pack = pack.get("id").asLong();
        s.sticker = pack.get("stickers").get(0).get("id").asLong();
        var pack2 = pack(s, "日常表情");
        s.pack2 = pack2.get("id").asLong();
        s.spareSticker = pack2.get("stickers").get(0).get("id").asLong();
        s.pack3 = pack(s, "节日表情").get("id").asLong();

        s.application = apply(s, api.register("申请人"));
        s.spareInvitation = body(send(s.member, json(POST, base(s) + "/invitations", Api.obj()))).get("id").asLong();
        s.report = report(s, s.member, s.ownPosts.get(s.owner.id()));
        s.announcement = announce(s, "群规更新");
        // the community goes by sub-group: the group's leader runs their group's members and polls
        send(s.owner, json(PUT, base(s) + "/governance", Api.obj("mode", "SUBGROUP")));
        s.subgroup = body(send(s.owner, json(POST, base(s) + "/subgroups", Api.obj("name", "矩阵组",
                "leaderId", s.leader.id())))).get("id").asLong();
        // the core member is in it, for the row that takes a member out
        send(s.owner, json(POST, base(s) + "/subgroups/" + s.subgroup + "/members", Api.obj("accountId", s.core.id())));
        // the group's own poll and leader election, for its lists
        send(s.owner, json(POST, base(s) + "/polls", groupPoll(s.subgroup)));
        var groupElection = election();
        groupElection.put("seats", 1);
        groupElection.put("subgroupId", s.subgroup);
        send(s.owner, json(POST, base(s) + "/elections", groupElection));
        s.event = event(s, "读书会");
        s.eventRegistration = registerFor(s, s.event, s.spareMember);
        s.eventPhoto = eventPhoto(s, s.event);
        var poll = body(send(s.owner, json(POST, base(s) + "/polls", poll())));
        s.poll = poll.get("id").asLong();
        s.pollOption = poll.get("options").get(0).get("id").asLong();
        s.election = body(send(s.owner, json(POST, base(s) + "/elections", election()))).get("id").asLong();
        s.acceptElection = body(send(s.owner, json(POST, base(s) + "/elections", election()))).get("id").asLong();
        // voting opens in a few seconds, after everyone here joined: the roll (fixed on the first look) holds them
        var votingOpens = java.time.OffsetDateTime.now().plusSeconds(3);
        var voting = election();
        voting.put("votingOpensAt", votingOpens.toString());
        s.votingElection = body(send(s.owner, json(POST, base(s) + "/elections", voting))).get("id").asLong();
        s.votingCandidate = body(send(s.spareMember, json(POST, base(s) + "/elections/" + s.votingElection + "/candidates",
                Api.obj("statement", "投我一票。")))).get("candidates").get(0).get("id").asLong();
        s.challenge = body(send(s.owner, json(POST, base(s) + "/checkins", challenge("每日晨跑")))).get("id").asLong();
        var checkIn = body(send(s.spareMember, MockMvcRequestBuilders.multipart(base(s) + "/checkins/" + s.challenge + "/entries")
                .file(new MockMultipartFile("images", "run.png", null, PNG)).param("text", "第一天")));
        s.checkIn = checkIn.get("id").asLong();
        var imageUrl = checkIn.get("imageUrls").get(0).asString();
        s.checkInImage = imageUrl.substring(imageUrl.lastIndexOf('/') + 1);
        var assignmentDraft = assignment("读后感");
        assignmentDraft.put("reviewerIds", List.of(s.core.id()));
        s.assignment = body(send(s.owner, json(POST, base(s) + "/assignments", assignmentDraft))).get("id").asLong();
        var submission = body(send(s.spareMember, MockMvcRequestBuilders.multipart(base(s) + "/assignments/" + s.assignment
                + "/submissions").file(new MockMultipartFile("images", "page.png", null, PNG))
                .file(new MockMultipartFile("file", "读后感.pdf", "application/pdf", new byte[64])).param("text", "第一份作业")));
        s.submission = submission.get("id").asLong();
        var submissionImage = submission.get("imageUrls").get(0).asString();
        s.submissionImage = submissionImage.substring(submissionImage.lastIndexOf('/') + 1);
        send(s.owner, json(PUT, base(s) + "/assignments/" + s.assignment + "/submissions/" + s.submission + "/featured", null));
        ban(s, s.banned);
        ban(s, s.spareBanned);

        // the directory is a read model fed after commit: wait until it knows the owner, so reads reach an entry
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(withUser(s.member,
                MockMvcRequestBuilders.get(base(s) + "/members/" + s.owner.id()))).andReturn().getResponse().getStatus() == 200);
        while (java.time.OffsetDateTime.now().isBefore(votingOpens.plusNanos(100_000_000))) {
            Thread.sleep(100);
        }
        if (archive) {
            archive(s);
        }
        s.archived = archive;
        return s;
    }

    long subgroup(Side s, String name) throws Exception {
        return body(send(s.owner, json(POST, base(s) + "/subgroups", Api.obj("name", name)))).get("id").asLong();
    }

    static Map<String, Object> settings(String slug) {
        return CommunityFixtures.settings(slug, "APPROVAL", 1000);
    }

    static Map<String, Object> discussion(String title, String body) {
        return Api.obj("kind", "DISCUSSION", "title", title, "body", body);
    }

    static Map<String, Object> announcement(String title, String body) {
        return Api.obj("title", title, "body", body);
    }

    static Map<String, Object> poll() {
        return Api.obj("question", "下次活动去哪？", "options", List.of("爬山", "看展"),
                "closesAt", java.time.OffsetDateTime.now().plusDays(7).toString());
    }

    /** A poll for the sub-group {@code subgroupId} only. */
    static Map<String, Object> groupPoll(long subgroupId) {
        var poll = poll();
        poll.put("question", "组里下次去哪？");
        poll.put("subgroupId", subgroupId);
        return poll;
    }

    static Map<String, Object> election() {
        var now = java.time.OffsetDateTime.now();
        return Api.obj("title", "骨干选举", "seats", 2, "termDays", 90, "votingOpensAt", now.plusDays(7).toString(),
                "votingClosesAt", now.plusDays(10).toString());
    }

    /** A daily challenge running from three days ago for a month, in the default zone (Asia/Shanghai). */
    static Map<String, Object> challenge(String title) {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return Api.obj("title", title, "rules", "每天跑步。", "startsOn", today.minusDays(3).toString(),
                "endsOn", today.plusDays(30).toString(), "frequency", "DAILY");
    }

    /** An assignment due in a week, scored out of 100, late work taken. */
    static Map<String, Object> assignment(String title) {
        var due = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7).withNano(0);
        return Api.obj("title", title, "description", "读完第一章写读后感。", "dueAt", due.toString(), "maxScore", 100,
                "acceptsLate", true);
    }

    static Map<String, Object> section(String name) {
        return Api.obj("name", name, "description", "说明", "icon", "book", "posting", "EVERYONE");
    }

    static String base(Side s) {
        return "/api/v1/communities/" + s.slug;
    }

    static boolean ok(MvcResult result) {
        return result.getResponse().getStatus() < 300;
    }

    private Api.User joined(Side s, String name) throws Exception {
        var account = api.register(name);
        send(account, json(POST, base(s) + "/join", Api.obj("code", s.code)));
        return account;
    }

    /** A published mall product of a new verified merchant's shop (commerce's fixture: no community involved). */
    long mallProduct() throws Exception {
        var merchant = api.register("商家");
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(merchant.id(), java.time.OffsetDateTime.now()).update();
        send(merchant, json(POST, "/api/v1/shops", Api.obj("name", "小铺", "description", "好东西", "contact", "微信",
                "settlement", "银行卡")));
        return body(send(merchant, json(POST, "/api/v1/shops/mine/products", Api.obj("title", "笔记本",
                "description", "好用", "category", "文具", "tags", List.of(), "shipped", true, "commissionBp", 1000,
                "published", true, "skus", List.of(Api.obj("attributes", Map.of(), "price", "9.90", "stock", 5))))))
                .get("id").asLong();
    }

    /** A mall product the side's store carries (put there directly: the store may be archived). */
    long productInStore(Side s) throws Exception {
        long product = mallProduct();
        jdbc.sql("insert into store_items (community_id, product_id, recommendation, added_by, added_at) values (?, ?, '', ?, ?)")
                .params(s.id, product, s.owner.id(), java.time.OffsetDateTime.now()).update();
        return product;
    }

    private long section(Side s, String name) throws Exception {
        return body(send(s.owner, json(POST, base(s) + "/sections", section(name)))).get("id").asLong();
    }

    private long publish(Side s, Api.User author, Map<String, Object> post) throws Exception {
        return body(send(author, json(POST, base(s) + "/posts", post))).get("id").asLong();
    }

    private long comment(Side s, Api.User author, long post, String text) throws Exception {
        return Long.parseLong(send(author, json(POST, base(s) + "/posts/" + post + "/comments", Api.obj("body", text)))
                .getResponse().getHeader("X-Comment-Id"));
    }

    private JsonNode pack(Side s, String name) throws Exception {
        return body(send(s.owner, MockMvcRequestBuilders.multipart(base(s) + "/sticker-packs").param("name", name)
                .file(new MockMultipartFile("stickers", "a.png", null, PNG)).param("names", "点头")));
    }

    private long apply(Side s, Api.User applicant) throws Exception {
        return body(send(applicant, json(POST, base(s) + "/applications", Api.obj("answers", ANSWERS)))).get("id").asLong();
    }

    /** An event a week from now, capacity 1: the spare member's registration holds its seat. */
    static Map<String, Object> eventDraft(String title) {
        var start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7).withSecond(0).withNano(0);
        return Api.obj("title", title, "description", "一起读书。", "kind", "OFFLINE", "start", start.toString(),
                "end", start.plusHours(2).toString(), "place", "咖啡馆", "capacity", 1);
    }

    private long event(Side s, String title) throws Exception {
        return body(send(s.owner, json(POST, base(s) + "/events", eventDraft(title)))).get("id").asLong();
    }

    /** A picture in the event's album, stored as the album stores one (the album takes none before the start). */
    private long eventPhoto(Side s, long event) {
        var key = fileStore.putPrivate(PNG, "image/png");
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into event_photos (event_id, community_id, account_id, file_key, created_at) values (?, ?, ?, ?, ?)")
                .params(event, s.id, s.owner.id(), key, java.time.OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long registerFor(Side s, long event, Api.User who) throws Exception {
        send(who, json(POST, base(s) + "/events/" + event + "/registration", Api.obj("answers", List.of())));
        return jdbc.sql("select id from event_registrations where event_id = ? and account_id = ?")
                .params(event, who.id()).query(Long.class).single();
    }

    private long announce(Side s, String title) throws Exception {
        return body(send(s.owner, json(POST, base(s) + "/announcements", announcement(title, "请大家看一下。")))).get("id").asLong();
    }

    private long report(Side s, Api.User reporter, long post) throws Exception {
        return body(send(reporter, json(POST, base(s) + "/reports", Api.obj("postId", post, "reason", "广告")))).get("id").asLong();
    }

    private void ban(Side s, Api.User account) throws Exception {
        send(s.owner, json(PUT, base(s) + "/bans/" + account.id(), Api.obj("reason", "发广告")));
    }

    void archive(Side s) throws Exception {
        send(s.owner, MockMvcRequestBuilders.post(base(s) + "/archive"));
    }

    void restore(Side s) throws Exception {
        send(s.owner, MockMvcRequestBuilders.post(base(s) + "/restore"));
    }

    /** Back to free entry, so the rows after it still join for nothing. */
    void freeEntry(Side s) throws Exception {
        send(s.owner, MockMvcRequestBuilders.delete(base(s) + "/entry"));
    }

    void transfer(Side s, Api.User from, Api.User to) throws Exception {
        send(from, json(POST, base(s) + "/transfer", Api.obj("newOwnerId", to.id())));
    }

    /** The ids of all sections, last first: a reordering that changes something. */
    List<Long> sectionsReversed(Side s) {
        return jdbc.sql("select id from content_sections where community_id = ? order by position desc, id desc")
                .param(s.id).query(Long.class).list();
    }

    /** Makes a target in the archived community by opening it for that moment. */
    private <T> T whileOpen(Side s, Make<T> make) throws Exception {
        if (!s.archived) {
            return make.get();
        }
        restore(s);
        try {
            return make.get();
        } finally {
            archive(s);
        }
    }

    private static AbstractMockHttpServletRequestBuilder<?> json(HttpMethod method, String path, Object body) {
        return MockMvcRequestBuilders.request(method, path).contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(body));
    }

    private static AbstractMockHttpServletRequestBuilder<?> withUser(Api.User user,
                                                                    AbstractMockHttpServletRequestBuilder<?> request) {
        return user == null ? request : request.header("Authorization", user.bearer());
    }

    /** A fixture step that must work: anything but a 2xx stops the run with what the server said. */
    private MvcResult send(Api.User user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        var result = mvc.perform(withUser(user, request)).andReturn();
        if (result.getResponse().getStatus() >= 300) {
            throw new IllegalStateException(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()
                    + " → " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return result;
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return Api.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(15, 118, 110));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
