package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.shequn.commerce.view.ShopView;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and editing a shop. Only a person whose real name an operator verified opens one, at most one each; its
 * settlement details are shown to its merchant and to operators only.
 */
@Service
public class Shops {

    private final ShopStore store;
    private final Profiles profiles;
    private final Validation validation;
    private final Clock clock;

    Shops(ShopStore store, Profiles profiles, Validation validation, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.validation = validation;
        this.clock = clock;
    }

    @Transactional
    public ShopView open(Viewer viewer, ShopDraft draft) {
        long me = Viewer.require(viewer).accountId();
        if (!profiles.find(me).map(ProfileCard::realNameVerified).orElse(false)) {
            throw Rejection.forbidden("commerce.shop.realNameRequired");
        }
        var d = check(draft);
        if (store.byMerchant(me).isPresent()) {
            throw Rejection.conflict("commerce.shop.exists");
        }
        try {
            return store.byId(store.insert(me, d, OffsetDateTime.now(clock))).orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflict("commerce.shop.exists");
        }
    }

    @Transactional
    public ShopView edit(Viewer viewer, ShopDraft draft) {
        var shop = ownShop(viewer);
        store.update(shop.id(), check(draft));
        return store.byId(shop.id()).orElseThrow();
    }

    /** The viewer's own shop, with its settlement details, if they opened one. */
    public Optional<ShopView> mine(Viewer viewer) {
        return store.byMerchant(Viewer.require(viewer).accountId());
    }

    /** The viewer's own shop, or 404 for someone who has none. */
    public ShopView ownShop(Viewer viewer) {
        return mine(viewer).orElseThrow(() -> Rejection.notFound("commerce.shop.none"));
    }

    /** The id of the viewer's own shop (404 when they have none): what the ledger's merchant account is named by. */
    public long ownShopId(Viewer viewer) {
        return ownShop(viewer).id();
    }

    /** A shop as {@code viewer} may see it: the settlement details only for its merchant and operators. */
    public ShopView find(Viewer viewer, long id) {
        var shop = store.byId(id).orElseThrow(() -> Rejection.notFound("commerce.shop.notFound"));
        boolean privileged = viewer != null && (viewer.operator() || viewer.accountId() == shop.merchantAccountId());
        return privileged ? shop : new ShopView(shop.id(), shop.merchantAccountId(), shop.name(), shop.description(),
                shop.contact(), null);
    }

    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        return store.names(ids);
    }

    Optional<ShopView> byId(long id) {
        return store.byId(id);
    }

    private ShopDraft check(ShopDraft draft) {
        return validation.check(draft == null ? new ShopDraft(null, null, null, null) : draft.clean());
    }
}
