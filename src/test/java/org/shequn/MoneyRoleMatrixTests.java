package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what on the money side outside a community's own paths: shops, products, the mall, orders, the cart,
 * payments and the operator's ledger (the operator's other queues have their own tests). Callers: anonymous, a stranger (signed in, no shop, bought nothing), the buyer
 * (a member of the community whose store sells), the merchant who sells to them, another merchant, an operator.
 * "Allowed" is any answer but 401, 403, 404 or a 5xx (a 409 about an order's state is the use case speaking);
 * "refused" is 403 or 404 (an order or product that is not yours is not found). The table is checked against the
 * served OpenAPI document both ways, so a new endpoint under these paths fails the build until it has a row. The
 * dispute pages' forms and the operators' disputes page have their own table, asked as a browser asks.
 */
@IntegrationTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
// the test-mode channel on PostgreSQL too (it is on by default only on the embedded database): a payment to read
@TestPropertySource(properties = {"shequn.operators=ledger-operator@example.com", "shequn.payment.test.enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyRoleMatrixTests {

    static final List<String> PREFIXES = List.of("/api/v1/shops", "/api/v1/products", "/api/v1/mall", "/api/v1/orders",
            "/api/v1/cart", "/api/v1/payments", "/api/v1/operator/ledger", "/api/v1/operator/disputes");
    /** Answered by a signature, not by who calls: the payment notification tests cover them. */
    static final Set<String> NOT_BY_ROLE = Set.of("POST /api/v1/payments/notify/{channel}");

    enum Caller { ANONYMOUS, STRANGER, BUYER, MERCHANT, OTHER_MERCHANT, OPERATOR }

    /** Who is allowed; every other signed-in caller is refused, anonymous gets 401 unless allowed. */
    record Answers(String name, Set<Caller> allowed) {
    }

    static Answers answers(String name, Caller... allowed) {
        return new Answers(name, allowed.length == 0 ? EnumSet.noneOf(Caller.class) : EnumSet.copyOf(List.of(allowed)));
    }

    static final Answers EVERYONE = answers("everyone", Caller.values());
    static final Answers SIGNED_IN = answers("signed in", Caller.STRANGER, Caller.BUYER, Caller.MERCHANT,
            Caller.OTHER_MERCHANT, Caller.OPERATOR);
    static final Answers MERCHANTS = answers("merchants", Caller.MERCHANT, Caller.OTHER_MERCHANT);
    static final Answers PRODUCT_OWNER = answers("its merchant", Caller.MERCHANT);
    static final Answers THE_BUYER = answers("its buyer", Caller.BUYER);
    /** The operator reads any order too: refunds and disputes come to them. */
    static final Answers BUYER_AND_MERCHANT = answers("its buyer, merchant and operator", Caller.BUYER, Caller.MERCHANT,
            Caller.OPERATOR);
    static final Answers ITS_MERCHANT = answers("its merchant", Caller.MERCHANT);
    static final Answers OPERATORS = answers("operators", Caller.OPERATOR);

    interface Call {
        Req make(Ctx c) throws Exception;
    }

    record Row(HttpMethod method, String path, Answers answers, Call call) {
        String endpoint() {
            return method.name() + " " + path;
        }
    }

    record Ctx(Caller caller, Api.User user, boolean allowed) {
    }

    /** Path values in order, a JSON body or a file, and whether the call needs an Idempotency-Key. */
    static final class Req {
        final List<Object> vars;
        Object json;
        MockMultipartFile file;
        final Map<String, String> params = new java.util.LinkedHashMap<>();

        Req(Object... vars) {
            this.vars = List.of(vars);
        }

        Req json(Object body) {
            json = body;
            return this;
        }

        Req param(String name, String value) {
            params.put(name, value);
            return this;
        }
    }

    static Req req(Object... vars) {
        return new Req(vars);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    final java.util.EnumMap<Caller, Api.User> users = new java.util.EnumMap<>(Caller.class);
    TestCommunity community;
    long product;
    long sku;
    long shop;
    long otherShop;

    @BeforeAll
    void scene() throws Exception {
        api = new Api(mvc);
        users.put(Caller.STRANGER, api.register("路人"));
        var merchant = merchant("卖家");
        users.put(Caller.MERCHANT, merchant);
        users.put(Caller.OTHER_MERCHANT, merchant("别家卖家"));
        users.put(Caller.OPERATOR, operator());
        var listed = Api.body(api.post(merchant, "/api/v1/shops/mine/products", Api.obj("title", "矩阵笔记本",
                "description", "好用", "category", "文具", "tags", List.of("文具"), "shipped", false, "commissionBp", 1000,
                "published", true, "skus", List.of(Api.obj("attributes", Map.of(), "price", "10.00", "stock", 100000)))));
        product = listed.get("id").asLong();
        sku = listed.get("skus").get(0).get("id").asLong();
        shop = Api.body(api.get(merchant, "/api/v1/shops/mine")).get("id").asLong();
        otherShop = Api.body(api.get(users.get(Caller.OTHER_MERCHANT), "/api/v1/shops/mine")).get("id").asLong();
        community = TestCommunity.create(api, jdbc, "money-matrix-");
        users.put(Caller.BUYER, community.seat("买家", "MEMBER"));
        api.post(community.owner(), community.base() + "/store", Api.obj("productId", product, "recommendation", "好"));
    }

    Api.User merchant(String name) throws Exception {
        var user = api.register(name);
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, true, ?)")
                .params(user.id(), OffsetDateTime.now()).update();
        api.post(user, "/api/v1/shops", Api.obj("name", Api.unique("矩阵小铺"), "description", "小铺", "contact", "微信",
                "settlement", "银行卡"));
        return user;
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator("ledger-operator@example.com", "运营");
    }

    /** A new order of the buyer's, unpaid; {@code state} other than CREATED is set directly (the lifecycle has its own tests). */
    long order(String state) throws Exception {
        var result = mvc.perform(MockMvcRequestBuilders.post("/api/v1/orders").header("Authorization", users.get(Caller.BUYER).bearer())
                .header("Idempotency-Key", Api.unique("matrix-")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(Api.obj("community", community.slug(), "lines",
                        List.of(Api.obj("skuId", sku, "quantity", 1, "unitPrice", "10.00")))))).andReturn();
        long id = Api.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
        if (!state.equals("CREATED")) {
            jdbc.sql("update orders set status = ?, paid_at = created_at where id = ?").params(state, id).update();
        }
        return id;
    }

    long payment() throws Exception {
        long order = order("CREATED");
        var started = Api.body(mvc.perform(MockMvcRequestBuilders.post("/api/v1/orders/" + order + "/payment")
                .header("Authorization", users.get(Caller.BUYER).bearer()).header("Idempotency-Key", Api.unique("pay-"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"TEST\"}")));
        return started.get("paymentId").asLong();
    }

    /** A line in the buyer's cart, so a buyer's cart call has something to act on. */
    void inCart() throws Exception {
        api.post(users.get(Caller.BUYER), "/api/v1/cart/lines", Api.obj("community", community.slug(), "skuId", sku, "quantity", 1));
    }

    static final HttpMethod GET = HttpMethod.GET, POST = HttpMethod.POST, PUT = HttpMethod.PUT,
            PATCH = HttpMethod.PATCH, DELETE = HttpMethod.DELETE;

    List<Row> table() {
        return List.of(
                // the mall and what it shows are public; a shop's own pages are its merchant's
                new Row(GET, "/api/v1/mall", EVERYONE, c -> req()),
                new Row(GET, "/api/v1/products/{id}", EVERYONE, c -> req(product)),
                new Row(GET, "/api/v1/shops/{id}", EVERYONE, c -> req(shop)),
                new Row(GET, "/api/v1/payments/channels", EVERYONE, c -> req()),
                // opening a shop needs a verified real name: the stranger has none, a merchant has a shop already (409)
                new Row(POST, "/api/v1/shops", answers("verified", Caller.MERCHANT, Caller.OTHER_MERCHANT),
                        c -> req().json(Api.obj("name", Api.unique("又一家"), "description", "d", "contact", "c", "settlement", "s"))),
                new Row(GET, "/api/v1/shops/mine", MERCHANTS, c -> req()),
                new Row(PUT, "/api/v1/shops/mine", MERCHANTS, c -> req().json(Api.obj("name", Api.unique("改名小铺"),
                        "description", "小铺", "contact", "微信", "settlement", "银行卡"))),
                new Row(GET, "/api/v1/shops/mine/products", MERCHANTS, c -> req()),
                new Row(POST, "/api/v1/shops/mine/products", MERCHANTS, c -> req().json(Api.obj("title", "新品", "description", "d",
                        "category", "文具", "tags", List.of(), "shipped", false, "commissionBp", 1000, "published", false,
                        "skus", List.of(Api.obj("attributes", Map.of(), "price", "1.00", "stock", 1))))),
                new Row(GET, "/api/v1/shops/mine/orders", MERCHANTS, c -> req()),
                new Row(GET, "/api/v1/shops/mine/insight", MERCHANTS, c -> req()),
                new Row(GET, "/api/v1/shops/mine/earnings", MERCHANTS, c -> req()),
                new Row(GET, "/api/v1/shops/mine/products/{id}/insight", PRODUCT_OWNER, c -> req(product)),
                new Row(PUT, "/api/v1/products/{id}", PRODUCT_OWNER, c -> req(product).json(Api.obj("title", "矩阵笔记本",
                        "description", "好用", "category", "文具", "tags", List.of("文具"), "shipped", false, "commissionBp", 1000,
                        "published", true, "skus", List.of(Api.obj("id", sku, "attributes", Map.of(), "price", "10.00", "stock", 100000))))),
                new Row(POST, "/api/v1/products/{id}/image", PRODUCT_OWNER, c -> {
                    var r = req(product);
                    r.file = new MockMultipartFile("file", "x.png", "image/png", new byte[] {1, 2, 3});
                    return r;
                }),
                // orders: the buyer orders from a store of their community; an order is its buyer's and merchant's
                new Row(POST, "/api/v1/orders", THE_BUYER, c -> req().json(Api.obj("community", community.slug(), "lines",
                        List.of(Api.obj("skuId", sku, "quantity", 1, "unitPrice", "10.00"))))),
                new Row(GET, "/api/v1/orders", SIGNED_IN, c -> req()),
                new Row(GET, "/api/v1/orders/{id}", BUYER_AND_MERCHANT, c -> req(order("CREATED"))),
                new Row(POST, "/api/v1/orders/{id}/cancel", THE_BUYER, c -> req(order("CREATED"))),
                new Row(POST, "/api/v1/orders/{id}/payment", THE_BUYER, c -> req(order("CREATED")).json(Api.obj("channel", "TEST"))),
                new Row(POST, "/api/v1/orders/{id}/receipt", THE_BUYER, c -> req(order("SHIPPED"))),
                new Row(POST, "/api/v1/orders/{id}/refund-request", THE_BUYER, c -> req(order("PAID")).json(Api.obj())),
                new Row(POST, "/api/v1/orders/{id}/shipment", ITS_MERCHANT,
                        c -> req(order("PAID")).json(Api.obj("carrier", "顺丰", "trackingNo", "SF1"))),
                new Row(POST, "/api/v1/orders/{id}/refund/approve", ITS_MERCHANT, c -> req(order("PAID"))),
                new Row(POST, "/api/v1/orders/{id}/refund/reject", ITS_MERCHANT, c -> req(order("PAID"))),
                new Row(GET, "/api/v1/payments/{id}", THE_BUYER, c -> req(payment())),
                // the cart is its owner's; adding needs membership of the store's community
                new Row(GET, "/api/v1/cart", SIGNED_IN, c -> req()),
                new Row(POST, "/api/v1/cart/lines", THE_BUYER,
                        c -> req().json(Api.obj("community", community.slug(), "skuId", sku, "quantity", 1))),
                new Row(PATCH, "/api/v1/cart/lines/{slug}/{skuId}", THE_BUYER, c -> {
                    inCart();
                    return req(community.slug(), sku).json(Api.obj("quantity", 2));
                }),
                new Row(DELETE, "/api/v1/cart/lines/{slug}/{skuId}", THE_BUYER, c -> {
                    inCart();
                    return req(community.slug(), sku);
                }),
                new Row(POST, "/api/v1/cart/{slug}/shops/{shopId}/prices", THE_BUYER, c -> req(community.slug(), shop)),
                new Row(POST, "/api/v1/cart/orders", THE_BUYER, c -> {
                    inCart();
                    return req().json(Api.obj("community", community.slug(), "shopId", shop));
                }),
                // the operator's ledger
                new Row(GET, "/api/v1/operator/ledger/balances", OPERATORS, c -> req()),
                new Row(GET, "/api/v1/operator/ledger/accounts/{type}/{ownerId}", OPERATORS, c -> req("MERCHANT", users.get(Caller.MERCHANT).id())),
                new Row(POST, "/api/v1/operator/ledger/payouts", OPERATORS, c -> req().json(Api.obj("type", "MERCHANT",
                        "ownerId", users.get(Caller.MERCHANT).id(), "amount", "0.01", "note", "矩阵"))),
                new Row(GET, "/api/v1/operator/ledger/summary", OPERATORS, c -> req()),
                new Row(GET, "/api/v1/operator/ledger/health", OPERATORS, c -> req()),
                // disputes: the buyer opens, the merchant answers, everyone of the order reads, operators decide
                new Row(POST, "/api/v1/orders/{id}/dispute", THE_BUYER,
                        c -> req(disputable()).json(Api.obj("reason", "矩阵争议"))),
                new Row(GET, "/api/v1/orders/{id}/dispute", BUYER_AND_MERCHANT, c -> req(disputed())),
                new Row(POST, "/api/v1/orders/{id}/dispute/answer", ITS_MERCHANT,
                        c -> req(disputed()).json(Api.obj("answer", "矩阵答复"))),
                new Row(GET, "/api/v1/operator/disputes", OPERATORS, c -> req()),
                new Row(POST, "/api/v1/operator/disputes/{id}/decision", OPERATORS,
                        c -> req(disputeId(disputed())).json(Api.obj("outcome", "REJECT", "note", "矩阵"))));
    }

    /**
     * The dispute pages (forms and the operators' queue), asked as a browser asks: HTML, a CSRF token, form fields.
     * Anonymous is sent to the login page instead of a 401; a refusal is the error page with 403 or 404.
     */
    List<Row> pageTable() {
        return List.of(
                new Row(POST, "/orders/{id}/dispute", THE_BUYER, c -> req(disputable()).param("reason", "矩阵争议")),
                new Row(POST, "/orders/{id}/dispute/answer", ITS_MERCHANT, c -> req(disputed()).param("answer", "矩阵答复")),
                new Row(GET, "/operator/disputes", OPERATORS, c -> req()),
                new Row(POST, "/operator/disputes/{id}/decision", OPERATORS,
                        c -> req(disputeId(disputed())).param("outcome", "REJECT").param("note", "矩阵")));
    }

    /** A delivered order of the buyer's (set directly, so unpaid: the buyer is answered 409, which the use case says). */
    long disputable() throws Exception {
        return order("DELIVERED");
    }

    /** An order with an open dispute (written directly). */
    long disputed() throws Exception {
        long id = disputable();
        jdbc.sql("insert into order_disputes (order_id, reason, status, currency, opened_at) values (?, '矩阵', 'OPEN', 'CNY', ?)")
                .params(id, OffsetDateTime.now()).update();
        return id;
    }

    long disputeId(long orderId) {
        return jdbc.sql("select id from order_disputes where order_id = ?").param(orderId).query(Long.class).single();
    }

    @Test
    void everyCallerGetsTheAnswerTheRuleGives() throws Exception {
        check(table(), false);
    }

    @Test
    void everyCallerGetsTheAnswerTheRuleGivesOnTheDisputePages() throws Exception {
        check(pageTable(), true);
    }

    private void check(List<Row> rows, boolean pages) throws Exception {
        var disagreements = new ArrayList<String>();
        var matrix = new StringBuilder();
        for (var row : rows) {
            matrix.append(String.format("%-6s %-52s", row.method(), row.path()));
            for (var caller : Caller.values()) {
                boolean allowed = row.answers().allowed().contains(caller);
                String actual;
                boolean agrees;
                try {
                    var response = call(row, caller, allowed, pages);
                    int status = response.getStatus();
                    var location = response.getRedirectedUrl();
                    // a page sends an anonymous caller to log in; allowed there is anything but that and a refusal
                    boolean toLogin = pages && status == 302 && location != null && location.startsWith("/login");
                    actual = String.valueOf(status);
                    agrees = status < 500 && (allowed ? !Set.of(401, 403, 404).contains(status) && !toLogin
                            : caller == Caller.ANONYMOUS ? (pages ? toLogin : status == 401) : status == 403 || status == 404);
                } catch (Exception | AssertionError e) {
                    actual = "setup failed: " + e.getMessage();
                    agrees = false;
                }
                matrix.append(' ').append(actual.length() > 3 ? actual.substring(0, 3) : actual);
                if (!agrees) {
                    disagreements.add(String.format("%-6s %-52s %-15s expected %-8s got %s   [%s]", row.method(), row.path(),
                            caller, allowed ? "allowed" : caller == Caller.ANONYMOUS ? "401" : "refused", actual, row.answers().name()));
                }
            }
            matrix.append('\n');
        }
        System.out.println("columns: " + List.of(Caller.values()) + "\n" + matrix);
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " cells disagree:\n" + String.join("\n", disagreements));
        }
    }

    private org.springframework.mock.web.MockHttpServletResponse call(Row row, Caller caller, boolean allowed,
                                                                      boolean page) throws Exception {
        var user = users.get(caller);
        var req = row.call().make(new Ctx(caller, user, allowed));
        var request = req.file != null
                ? MockMvcRequestBuilders.multipart(row.path(), req.vars.toArray()).file(req.file)
                : MockMvcRequestBuilders.request(row.method(), row.path(), req.vars.toArray());
        if (page) {
            request.accept(MediaType.TEXT_HTML);
            if (row.method() != GET) {
                request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
            }
        } else {
            request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        }
        req.params.forEach(request::param);
        if (req.json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(req.json));
        }
        if (row.method() != GET && !page) {
            request.header("Idempotency-Key", Api.unique("matrix-key-"));
        }
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void theTableNamesEveryMoneyEndpointOfTheServedOpenApiDocument() throws Exception {
        JsonNode doc = Api.read(mvc.perform(MockMvcRequestBuilders.get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var served = new TreeSet<String>();
        for (var path : doc.get("paths").properties()) {
            if (PREFIXES.stream().noneMatch(p -> path.getKey().equals(p) || path.getKey().startsWith(p + "/"))) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                var endpoint = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(operation.getKey().toUpperCase(Locale.ROOT))
                        && !NOT_BY_ROLE.contains(endpoint)) {
                    served.add(endpoint);
                }
            }
        }
        var listed = new TreeSet<String>();
        table().forEach(row -> assertThat(listed.add(row.endpoint())).as("listed twice: " + row.endpoint()).isTrue());
        assertThat(listed).as("rows for endpoints the API serves, and no more").isEqualTo(served);
    }
}
