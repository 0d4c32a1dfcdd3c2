package org.shequn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.shequn.TestDatabase;
import org.shequn.community.CommunityCreated;
import org.shequn.community.CommunityRole;
import org.shequn.community.OwnershipTransferred;
import org.shequn.directory.view.DirectoryMember;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.MemberJoined;
import org.shequn.membership.MemberLeft;
import org.shequn.membership.MemberRoleChanged;
import org.shequn.membership.PaidMembership;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.ProfileChanged;
import org.shequn.profile.Profiles;
import org.shequn.social.SocialGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The directory module alone: membership and profile events go in through the event publication registry, the
 * entries that come out are read from its own tables. The other modules' APIs are stand-ins, so the account
 * and community ids are made up (the read model has no foreign keys).
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "spring.modulith.events.republish-outstanding-events-on-restart=false")
class DirectoryModuleTests {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    Profiles profiles;
    @MockitoBean
    Accounts accounts;
    @MockitoBean
    CommunityGate gate;
    @MockitoBean
    SocialGraph social;
    /** Paid terms: nobody in these scenarios has one, so nobody has lapsed. */
    @MockitoBean
    PaidMembership terms;

    @Autowired
    DirectoryStore store;

    private static long id() {
        return IDS.incrementAndGet();
    }

    private long person(String name, String city, List<String> skills, boolean realNameVerified) {
        long id = id();
        profile(id, name, city, skills, realNameVerified);
        when(accounts.find(id)).thenReturn(Optional.of(new AccountSummary(id, name)));
        return id;
    }

    private void profile(long id, String name, String city, List<String> skills, boolean realNameVerified) {
        when(profiles.find(id)).thenReturn(Optional.of(new ProfileCard(id, name, null, "", city, "互联网", null, "产品经理",
                List.of(), skills, List.of(), realNameVerified, false)));
    }

    private Optional<DirectoryMember> entry(long communityId, long accountId) {
        return store.one(communityId, accountId);
    }

    private Optional<String> role(long communityId, long accountId) {
        return entry(communityId, accountId).map(DirectoryMember::role);
    }

    private List<Long> filtered(long communityId, String... tags) {
        return store.page(communityId, 0, List.of(tags), null, null, 0, 50).stream()
                .map(DirectoryMember::accountId).toList();
    }

    /** Publishes the events in one transaction, as a use case that announces several things at once does. */
    private static Scenario.When<Void> together(Scenario scenario, Object... events) {
        BiConsumer<TransactionOperations, ApplicationEventPublisher> publishAll = (tx, publisher) ->
                tx.executeWithoutResult(status -> Arrays.stream(events).forEach(publisher::publishEvent));
        return scenario.stimulate(publishAll);
    }

    @Test
    void theOwnerOfANewCommunityIsItsFirstEntry(Scenario scenario) {
        long community = id();
        long owner = person("王群主", "北京", List.of("Java"), false);
        scenario.publish(new CommunityCreated(community, owner))
                .andWaitForStateChange(() -> entry(community, owner))
                .andVerify(entry -> {
                    assertThat(entry.get().role()).isEqualTo("OWNER");
                    assertThat(entry.get().displayName()).isEqualTo("王群主");
                    assertThat(entry.get().inviterId()).isNull();
                });
    }

    @Test
    void aMemberWhoJoinsIsListedWithTheirIdentityTagsAndWhoInvitedThem(Scenario scenario) {
        long community = id();
        long inviter = person("老会员", "上海", List.of(), false);
        long joiner = person("小林", "北京", List.of("Java ", "增长"), true);
        var joinedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.MILLIS);
        scenario.publish(new MemberJoined(community, joiner, inviter, joinedAt))
                .andWaitForStateChange(() -> entry(community, joiner))
                .andVerify(entry -> {
                    var member = entry.get();
                    assertThat(member.role()).isEqualTo("MEMBER");
                    assertThat(member.city()).isEqualTo("北京");
                    assertThat(member.skills()).containsExactly("Java ", "增长");
                    assertThat(member.inviterId()).isEqualTo(inviter);
                    assertThat(member.inviterName()).isEqualTo("老会员");
                    assertThat(member.joinedAt().toInstant()).isEqualTo(joinedAt.toInstant());
                    assertThat(member.realNameVerified()).isTrue();
                });
        // tags compare without case and surrounding blanks, and combine with AND
        assertThat(filtered(community, "city:北京", "skill:java")).containsExactly(joiner);
        assertThat(filtered(community, "role:member", "verified:real_name")).containsExactly(joiner);
        assertThat(filtered(community, "city:上海")).isEmpty();
    }

    @Test
    void someoneWithoutAProfileIsNotListed(Scenario scenario) {
        long community = id();
        long known = person("有资料", "北京", List.of(), false);
        long unknown = id();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        together(scenario, new MemberJoined(community, unknown, null, now), new MemberJoined(community, known, null, now))
                .andWaitForStateChange(() -> entry(community, known))
                .andVerify(entry -> assertThat(entry(community, unknown)).isEmpty());
    }

    @Test
    void aRoleChangeRewritesTheEntryButKeepsWhenAndByWhomTheyJoined(Scenario scenario) {
        long community = id();
        long inviter = person("邀请人", "杭州", List.of(), false);
        long member = person("阿杰", "杭州", List.of(), false);
        var joinedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.MILLIS);
        scenario.publish(new MemberJoined(community, member, inviter, joinedAt))
                .andWaitForStateChange(() -> entry(community, member));
        scenario.publish(new MemberRoleChanged(community, member, CommunityRole.MEMBER, CommunityRole.CORE, inviter))
                .andWaitForStateChange(() -> role(community, member).filter("CORE"::equals))
                .andVerify(role -> {
                    var entry = entry(community, member).orElseThrow();
                    assertThat(entry.joinedAt().toInstant()).isEqualTo(joinedAt.toInstant());
                    assertThat(entry.inviterName()).isEqualTo("邀请人");
                    assertThat(filtered(community, "role:core")).containsExactly(member);
                    assertThat(filtered(community, "role:member")).isEmpty();
                });
    }

    @Test
    void aTransferMakesTheNewOwnerOwnerAndThePreviousOneAdmin(Scenario scenario) {
        long community = id();
        long previous = person("老群主", "北京", List.of(), false);
        long next = person("新群主", "北京", List.of(), false);
        scenario.publish(new CommunityCreated(community, previous)).andWaitForStateChange(() -> entry(community, previous));
        scenario.publish(new MemberJoined(community, next, null, OffsetDateTime.now(ZoneOffset.UTC)))
                .andWaitForStateChange(() -> entry(community, next));
        scenario.publish(new OwnershipTransferred(community, previous, next))
                .andWaitForStateChange(() -> role(community, next).filter("OWNER"::equals))
                .andVerify(role -> assertThat(role(community, previous)).contains("ADMIN"));
    }

    @Test
    void aMemberWhoLeavesIsNoLongerListed(Scenario scenario) {
        long community = id();
        long member = person("要走的人", "北京", List.of("摄影"), false);
        scenario.publish(new MemberJoined(community, member, null, OffsetDateTime.now(ZoneOffset.UTC)))
                .andWaitForStateChange(() -> entry(community, member));
        scenario.publish(new MemberLeft(community, member, MemberLeft.Reason.REMOVED))
                .andWaitForStateChange(() -> entry(community, member).isEmpty())
                .andVerify(gone -> assertThat(filtered(community, "skill:摄影")).isEmpty());
    }

    @Test
    void aProfileEditRewritesEveryEntryOfThePersonAndTheirNameAsAnInviter(Scenario scenario) {
        long first = id();
        long second = id();
        long person = person("旧名字", "北京", List.of(), false);
        long invited = person("被邀请的人", "北京", List.of(), false);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        together(scenario, new CommunityCreated(first, person), new MemberJoined(second, person, null, now),
                new MemberJoined(second, invited, person, now))
                .andWaitForStateChange(() -> entry(second, invited).isPresent() && entry(second, person).isPresent()
                        && entry(first, person).isPresent());

        profile(person, "新名字", "上海", List.of("写作"), false);
        scenario.publish(new ProfileChanged(person))
                .andWaitForStateChange(() -> entry(second, invited).map(DirectoryMember::inviterName).filter("新名字"::equals))
                .andVerify(name -> {
                    for (long community : List.of(first, second)) {
                        var entry = entry(community, person).orElseThrow();
                        assertThat(entry.displayName()).isEqualTo("新名字");
                        assertThat(entry.city()).isEqualTo("上海");
                        assertThat(filtered(community, "city:北京")).doesNotContain(person);
                        assertThat(filtered(community, "city:上海", "skill:写作")).containsExactly(person);
                    }
                    // what the profile does not know stays: the role in each community
                    assertThat(role(first, person)).contains("OWNER");
                    assertThat(role(second, person)).contains("MEMBER");
                });
    }

    @Test
    void deliveringAnEventTwiceLeavesOneEntry(Scenario scenario) {
        long community = id();
        long member = person("重复", "北京", List.of("java"), false);
        var joined = new MemberJoined(community, member, null, OffsetDateTime.now(ZoneOffset.UTC));
        scenario.publish(joined).andWaitForStateChange(() -> entry(community, member));
        scenario.publish(joined).andWaitForStateChange(() -> entry(community, member))
                .andVerify(entry -> assertThat(filtered(community, "skill:java")).containsExactly(member));
    }
}
