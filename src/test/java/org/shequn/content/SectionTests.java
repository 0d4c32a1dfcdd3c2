package org.shequn.content;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ownerAddsFiveSectionsAndASixthIsRefusedUntilOneIsArchived() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var ids = new ArrayList<Long>();
        for (int i = 1; i <= 5; i++) {
            ids.add(f.section("板块" + i, "EVERYONE"));
        }
        f.api().post(f.owner(), f.base() + "/sections", Api.obj("name", "第六个", "icon", "chat", "posting", "EVERYONE"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("最多只能有 5 个启用中的板块，请先归档一个再添加。"));
        f.api().delete(f.owner(), f.base() + "/sections/" + ids.getFirst()).andExpect(status().isNoContent());
        f.section("第六个", "ADMINS");
        f.api().post(f.owner(), f.base() + "/sections/" + ids.getFirst() + "/restore", null).andExpect(status().isConflict());
        f.api().get(f.member(), f.base() + "/sections").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6)).andExpect(jsonPath("$[0].archived").value(true));
    }

    @Test
    void onlyTheOwnerManagesSections() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long id = f.section("读书", "EVERYONE");
        var body = Api.obj("name", "改名", "icon", "book", "posting", "EVERYONE");
        for (var user : List.of(f.admin(), f.core(), f.member(), f.outsider())) {
            f.api().post(user, f.base() + "/sections", body).andExpect(status().isForbidden());
            f.api().put(user, f.base() + "/sections/" + id, body).andExpect(status().isForbidden());
            f.api().delete(user, f.base() + "/sections/" + id).andExpect(status().isForbidden());
            f.api().put(user, f.base() + "/sections/order", Api.obj("ids", List.of(id))).andExpect(status().isForbidden());
        }
        f.api().post(null, f.base() + "/sections", body).andExpect(status().isUnauthorized());
        f.api().get(f.outsider(), f.base() + "/sections").andExpect(status().isForbidden());
        f.api().get(null, f.base() + "/sections").andExpect(status().isUnauthorized());
        f.api().put(f.owner(), f.base() + "/sections/" + id, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改名")).andExpect(jsonPath("$.icon").value("book"));
    }

    @Test
    void ownerReordersSectionsAndBadOrdersAreRefused() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long a = f.section("甲", "EVERYONE");
        long b = f.section("乙", "EVERYONE");
        f.api().put(f.owner(), f.base() + "/sections/order", Api.obj("ids", List.of(b, a))).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/sections").andExpect(jsonPath("$[0].name").value("乙"));
        f.api().put(f.owner(), f.base() + "/sections/order", Api.obj("ids", List.of(b))).andExpect(status().isBadRequest());
        f.api().put(f.owner(), f.base() + "/sections/order", Api.obj("ids", List.of(b, 999999L))).andExpect(status().isBadRequest());
    }

    @Test
    void sectionPostingRulesAndArchivingDecideWhoMayPost() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long core = f.section("核心区", "CORE_AND_UP");
        long admins = f.section("公告", "ADMINS");
        var inCore = Api.obj("kind", "DISCUSSION", "body", "hi", "sectionId", core);
        var inAdmins = Api.obj("kind", "DISCUSSION", "body", "hi", "sectionId", admins);
        f.api().post(f.member(), f.base() + "/posts", inCore).andExpect(status().isForbidden());
        f.api().post(f.core(), f.base() + "/posts", inCore).andExpect(status().isCreated());
        f.api().post(f.core(), f.base() + "/posts", inAdmins).andExpect(status().isForbidden());
        f.api().post(f.admin(), f.base() + "/posts", inAdmins).andExpect(status().isCreated());
        long kept = f.post(f.owner(), inAdmins);
        f.api().delete(f.owner(), f.base() + "/sections/" + admins).andExpect(status().isNoContent());
        f.api().post(f.owner(), f.base() + "/posts", inAdmins).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sectionId"));
        f.api().get(f.member(), f.base() + "/posts/" + kept).andExpect(status().isOk());
        f.api().get(f.member(), f.base() + "/posts?section=" + admins).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }
}
