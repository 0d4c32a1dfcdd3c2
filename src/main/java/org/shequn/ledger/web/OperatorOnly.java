package org.shequn.ledger.web;

import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;

/** The ledger's endpoints are the platform operators' alone: anonymous → 401, anyone else → 403. */
final class OperatorOnly {

    private OperatorOnly() {
    }

    static Viewer require(Viewer viewer) {
        if (!Viewer.require(viewer).operator()) {
            throw Rejection.forbidden("ledger.operatorsOnly");
        }
        return viewer;
    }
}
